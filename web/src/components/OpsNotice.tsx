import type { ReactNode } from 'react';
import type { ApiError } from '../api/http';
import { useCountdown } from '../hooks/useCountdown';
import { useI18n } from '../i18n/i18n';
import { lockoutMessage } from '../lib/opsProblems';
import { Notice } from './Notice';

/**
 * A failed ops request: a 429 is the shared failed-sign-in lockout, said with the seconds left of its Retry-After
 * (never as a service out of reach); anything else says `message`, or the problem's own message.
 */
export function OpsNotice({
  error,
  message,
  onRetry,
  retryLabel,
  children,
}: {
  error: ApiError;
  message?: string | undefined;
  onRetry?: (() => void) | undefined;
  retryLabel?: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const left = useCountdown(error.status === 429 ? error.retryAfter : undefined, error);
  return (
    <Notice
      error={error}
      message={error.status === 429 ? lockoutMessage(left, t) : message}
      onRetry={onRetry}
      retryLabel={retryLabel}
    >
      {children}
    </Notice>
  );
}
