// The device secret (SPEC §12, issue 19): a player is a nickname plus this secret, so a history needs no account.
// 32 random bytes, base64url without padding (43 characters), kept in localStorage; never shown, never logged. The
// server derives the player id from nickname + secret and keeps only that id.

export const PLAYER_SECRET_KEY = 'tw.playerSecret';
export const PLAYER_SECRET_HEADER = 'X-Player-Secret';

/** What the server accepts in X-Player-Secret; anything else is 400 invalid-request. */
const FORMAT = /^[A-Za-z0-9_-]{22,64}$/;

/** base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newPlayerSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

// when localStorage refuses (private mode, a full store) the secret lasts for this page: a history of one visit
let pageSecret: string | undefined;

/** This device's secret: the stored one, or a new one created (and stored) on the first call. */
export function playerSecret(): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(PLAYER_SECRET_KEY);
  } catch {
    // no storage: fall through to the page's secret
  }
  if (stored && FORMAT.test(stored)) return stored;
  const secret = pageSecret ?? newPlayerSecret();
  try {
    localStorage.setItem(PLAYER_SECRET_KEY, secret);
    pageSecret = undefined;
  } catch {
    pageSecret = secret;
  }
  return secret;
}

/** The header every call that acts for the player carries (booking calls with the admission token, debrief, history). */
export const playerHeaders = (): Record<string, string> => ({ [PLAYER_SECRET_HEADER]: playerSecret() });
