import { describe, expect, it } from 'vitest';
import { isValidNickname, normalizeNickname, rememberNickname, storedNickname } from './nickname';

describe('nickname', () => {
  it.each(['ab', '티켓왕', '티켓왕_01', 'speed-runner', 'a'.repeat(20), '東京2', 'Ünïcødé'])('accepts %s', (name) => {
    expect(isValidNickname(name)).toBe(true);
  });

  it.each(['a', '', 'a'.repeat(21), 'has space', 'semi;colon', 'emoji😀', '<script>', 'kim\u3164', '\u3164\u3164'])(
    'refuses %s',
    (name) => {
      expect(isValidNickname(name)).toBe(false);
    },
  );

  it('counts composed Hangul, like the server (NFC)', () => {
    const decomposed = '한'.normalize('NFD') + '글';
    expect(normalizeNickname(decomposed)).toBe('한글');
    expect(isValidNickname('가'.repeat(20).normalize('NFD'))).toBe(true);
  });

  it('is remembered', () => {
    rememberNickname('티켓왕');
    expect(storedNickname()).toBe('티켓왕');
  });
});
