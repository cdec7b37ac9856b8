// What the ops console says for a failed ops request: a lockout for a 429, and who did not answer — the service
// itself (no answer at all, or the proxy's own error page) or a store behind a service that answers.
import type { ApiError } from '../api/http';
import type { Translate } from '../i18n/i18n';

/**
 * The service answered with its own problem (problem+json, a `type`): it is up, whatever it refused. A network
 * failure or a proxy's error page (the ALB's 502/503, Vite's 500 when the service is not running) carries none.
 */
export function serviceAnswered(error: ApiError): boolean {
  return !error.isNetwork && error.status !== 0 && typeof error.problem.type === 'string';
}

/**
 * A refused ops token (401, 403): what reads by itself stops until asked again, as each refusal counts in the
 * failed-sign-in budget the three services share.
 */
export function tokenRefused(error: ApiError): boolean {
  return error.status === 401 || error.status === 403;
}

/** How long a lockout (429) holds the next read back: its Retry-After, 60 s without one; undefined for another error. */
export function lockoutMs(error: ApiError): number | undefined {
  return error.status === 429 ? (error.retryAfter ?? 60) * 1000 : undefined;
}

/**
 * The failed-sign-in lockout: the three services share one budget of failed sign-ins per client address, and past
 * it every ops request is refused with 429 `rate-limited` and a Retry-After until it passes. `seconds` left of it.
 */
export function lockoutMessage(seconds: number, t: Translate): string {
  return seconds > 0 ? t('ops.lockedOut', { s: seconds }) : t('ops.lockedOutSoon');
}

/** Why the round's results (booking's MySQL rows) could not be read, for the stale confirmed charts. */
export function resultsStaleMessage(error: ApiError, t: Translate): string {
  if (!serviceAnswered(error)) return t('ops.confirmedStale');
  if (error.status === 429) return t('ops.confirmedStaleLimited', { s: Math.ceil(error.retryAfter ?? 0) });
  // the results are read from MySQL only: booking's 503 there is MySQL not answering it
  if (error.status === 503) return t('ops.confirmedStaleMysql');
  return t('ops.confirmedStaleRefused', { status: error.status });
}

/**
 * What a failed poll of the confirmations says (a 429 is the lockout, said by OpsNotice): booking not answering, or
 * booking answering that a store behind it does not — SQS (the counts), or MySQL when the problem names it — or, for a
 * refused token, the problem's own message (undefined).
 */
export function confirmationsPollMessage(error: ApiError, t: Translate): string | undefined {
  if (!serviceAnswered(error)) return t('ops.confirmations.noAnswer');
  if (error.status === 401) return undefined;
  if (error.status === 503)
    return /mysql/i.test(error.problem.detail ?? '')
      ? t('ops.confirmations.mysqlUnavailable')
      : t('ops.confirmations.unavailable');
  return t('ops.confirmations.error');
}
