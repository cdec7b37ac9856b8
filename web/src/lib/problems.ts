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

/** Errors worth a "retry" button: the request may well work a moment later. */
export function isRetryable(error: ApiError): boolean {
  return error.isNetwork || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** Errors that end the player's round: the token can no longer act. */
export function endsRound(error: ApiError): boolean {
  return ['round-closed', 'wrong-round', 'invalid-token', 'unknown-ticket'].includes(error.slug);
}
