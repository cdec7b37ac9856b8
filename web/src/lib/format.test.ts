import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n';
import { clockTime, roundOpenedText, secondsRange, secondsTick } from './format';

describe('a round for people', () => {
  const open = Date.UTC(2026, 11, 7, 5, 58, 0);

  it('is named by the time it opened in the viewer’s zone, not by its raw id, in either language', () => {
    expect(roundOpenedText('20261207T055800Z', translator('ko'), 'ko')).toBe(`${clockTime(open, 'ko')} 오픈 라운드`);
    expect(roundOpenedText('20261207T055800Z', translator('en'), 'en')).toBe(
      `Round opened at ${clockTime(open, 'en')}`,
    );
    expect(roundOpenedText('20261207T055800Z', translator('ko'), 'ko')).toMatch(/^\d{2}:\d{2}:00 오픈 라운드$/);
  });

  it('keeps what is not a round id as it is', () => {
    expect(roundOpenedText('r1', translator('ko'), 'ko')).toBe('r1');
  });
});

describe('chart units', () => {
  it('says seconds in the language shown, the number never parted from its unit', () => {
    expect(secondsTick(29_000, 'ko')).toBe('29초');
    expect(secondsTick(1_500, 'ko')).toBe('1.5초');
    expect(secondsTick(29_000, 'en')).toBe('29\u00a0s');
    expect(secondsRange(0, 1_000, 'ko')).toBe('0–1초');
    expect(secondsRange(2_500, 3_000, 'en')).toBe('2.5–3\u00a0s');
  });
});
