import type { ApiError } from '../api/http';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ko } from '../i18n/messages';

/** The message key for an error's problem slug; unknown slugs fall back to a generic message. */
export function problemKey(slug: string): MessageKey {
  const key = `problem.${slug}`;
  return (key in ko ? key : 'problem.unknown') as MessageKey;
}

/** What the player reads for an API error (problem+json mapped by its `type` slug). */
export function problemMessage(error: ApiError, t: Translate): string {
  return t(problemKey(error.slug));
}

/**
 * Tries a security letter request, its answer or a hold makes by itself after a 503 (a dependency of booking briefly
 * down: it says when to come back) before leaving it to the player's Retry. Only requests that are safe to repeat:
 * another letter replaces the last one, a right answer sent again is 204 again, and a hold asked again by the same
 * ticket for the same seat is answered with the hold it has (booking gives the seat back when a hold's 503 left it
 * locked, so a retry finds it free).
 */
export const AUTO_RETRIES = 3;
/** The least wait before such a retry: a Retry-After of 0 (or none) does not mean back to back. */
export const AUTO_RETRY_BASE_MS = 1000;

/**
 * How long to wait before trying a refused request again by itself, or undefined when it is not for that: not a 503,
 * `tries` retries made already, or the wait would end past the round's close (`msToClose` from now).
 */
export function autoRetryDelay(problem: ApiError, tries: number, msToClose: number): number | undefined {
  if (problem.status !== 503 || tries >= AUTO_RETRIES) return undefined;
  const delay = Math.max(AUTO_RETRY_BASE_MS, (problem.retryAfter ?? 0) * 1000);
  return delay < msToClose ? delay : undefined;
}

/** Errors worth a "retry" button: the request may well work a moment later. */
export function isRetryable(error: ApiError): boolean {
  return error.isNetwork || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** Errors that end the player's round: the token can no longer act (or its place went to the next in line). */
export function endsRound(error: ApiError): boolean {
  return ['round-closed', 'wrong-round', 'invalid-token', 'unknown-ticket', 'place-released'].includes(error.slug);
}
