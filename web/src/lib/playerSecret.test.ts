import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64url, PLAYER_SECRET_KEY, playerHeaders, playerSecret } from './playerSecret';

afterEach(() => vi.restoreAllMocks());

describe('device secret', () => {
  it('is created on the first call: 32 random bytes as 43 base64url characters, kept in localStorage', () => {
    expect(localStorage.getItem(PLAYER_SECRET_KEY)).toBeNull();
    const secret = playerSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(localStorage.getItem(PLAYER_SECRET_KEY)).toBe(secret);
  });

  it('is reused on later calls and visits', () => {
    const first = playerSecret();
    expect(playerSecret()).toBe(first);
    localStorage.setItem(PLAYER_SECRET_KEY, 'kept-from-an-earlier-visit_0123456789abcdef');
    expect(playerSecret()).toBe('kept-from-an-earlier-visit_0123456789abcdef');
  });

  it('replaces a stored value the server would refuse', () => {
    localStorage.setItem(PLAYER_SECRET_KEY, 'not a secret!');
    const secret = playerSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(localStorage.getItem(PLAYER_SECRET_KEY)).toBe(secret);
  });

  it('differs between devices (fresh storage)', () => {
    const one = playerSecret();
    localStorage.clear();
    expect(playerSecret()).not.toBe(one);
  });

  it('lasts for the page when storage refuses it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const secret = playerSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(playerSecret()).toBe(secret);
  });

  it('encodes base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64url(new Uint8Array([1]))).toBe('AQ');
  });

  it('travels as X-Player-Secret', () => {
    expect(playerHeaders()).toEqual({ 'X-Player-Secret': playerSecret() });
  });
});
