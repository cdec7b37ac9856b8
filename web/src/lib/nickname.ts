// SPEC §4: 2–20 characters of letters (Hangul included), digits, '_' and '-'. Same rule as the server, so the
// player learns before a round trip; the server stays the judge (400 invalid-nickname).
const NICKNAME = /^[\p{L}\p{Nd}_-]{2,20}$/u;

export const NICKNAME_KEY = 'tw.nickname';

/** NFC first, like the server: decomposed jamo typed by some keyboards is the same nickname as composed Hangul. */
export function normalizeNickname(value: string): string {
  return value.trim().normalize('NFC');
}

export function isValidNickname(value: string): boolean {
  return NICKNAME.test(normalizeNickname(value));
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
