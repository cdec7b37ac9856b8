import type { ReactNode } from 'react';
import type { ApiError } from '../api/http';
import { useCountdown } from '../hooks/useCountdown';
import { useI18n } from '../i18n/i18n';
import { AUTO_RETRIES, problemMessage } from '../lib/problems';

interface Props {
  error?: ApiError | undefined;
  message?: string | undefined;
  tone?: 'error' | 'warn' | 'info' | 'success';
  onRetry?: (() => void) | undefined;
  retryLabel?: string;
  /**
   * Seconds before the retry may be pressed (a Retry-After being waited out, shown on the button); by default the
   * error's own Retry-After, counted from when it shows.
   */
  retryIn?: number | undefined;
  children?: ReactNode;
}

/** A message in a live region: errors interrupt (role=alert), the rest are polite (role=status). */
export function Notice({
  error,
  message,
  tone = error ? 'error' : 'info',
  onRetry,
  retryLabel,
  retryIn,
  children,
}: Props) {
  const { t } = useI18n();
  const errorWait = useCountdown(error?.retryAfter, error);
  const wait = retryIn ?? errorWait;
  const text = message ?? (error ? problemMessage(error, t) : undefined);
  if (!text && !children) return null;
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-problem={error?.slug}>
      <span className="notice-icon" aria-hidden="true">
        {tone === 'error' ? '!' : tone === 'success' ? '✓' : tone === 'warn' ? '!' : 'i'}
      </span>
      <div className="notice-body">
        {text && <p>{text}</p>}
        {children}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onRetry} disabled={wait > 0}>
          {wait > 0 ? t('common.retryIn', { s: wait }) : (retryLabel ?? t('common.retry'))}
        </button>
      )}
    </div>
  );
}

/** A request being tried again by itself: the `n`th retry, in the seconds left of `delayMs` (from when it shows). */
export function AutoRetryNote({ n, delayMs, since }: { n: number; delayMs: number; since: unknown }) {
  const { t } = useI18n();
  const left = useCountdown(delayMs / 1000, since);
  return (
    <p className="muted small" data-testid="auto-retry">
      {left > 0
        ? t('common.autoRetry', { s: left, n, max: AUTO_RETRIES })
        : t('common.autoRetryNow', { n, max: AUTO_RETRIES })}
    </p>
  );
}
