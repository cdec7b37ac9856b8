// SPEC §4: 2–20 characters of letters (Hangul included), digits, '_' and '-', but not the Hangul fillers, letters that
// show nothing. Same rule as the server (shared/player/Nicknames), so the player learns before a round trip; the
// server stays the judge (400 invalid-nickname).
const NICKNAME = /^[\p{L}\p{Nd}_-]{2,20}$/u;
const INVISIBLE = /[\u115F\u1160\u3164\uFFA0]/u;

export const NICKNAME_KEY = 'tw.nickname';

/** NFC first, like the server: decomposed jamo typed by some keyboards is the same nickname as composed Hangul. */
export function normalizeNickname(value: string): string {
  return value.trim().normalize('NFC');
}

export function isValidNickname(value: string): boolean {
  const nickname = normalizeNickname(value);
  return NICKNAME.test(nickname) && !INVISIBLE.test(nickname);
}

export function storedNickname(): string {
  try {
    return localStorage.getItem(NICKNAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberNickname(value: string): void {
  try {
    localStorage.setItem(NICKNAME_KEY, value);
  } catch {
    // private mode: nothing to remember with
  }
}
