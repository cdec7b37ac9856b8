import { useEffect } from 'react';
import type { Hold } from '../api/types';
import { toEpochMs } from '../api/wire';
import { useLatest } from '../hooks/useLatest';
import { useServerNow } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { secondsUntil } from '../lib/clock';

/** Seconds left to confirm a hold, by the server's clock; `onExpired` once they run out. */
export function HoldTimer({ hold, onExpired }: { hold: Hold; onExpired(): void }) {
  const { t } = useI18n();
  const now = useServerNow(250);
  const expiresAt = toEpochMs(hold.expiresAt);
  const left = expiresAt === undefined ? undefined : secondsUntil(expiresAt, now);
  const expired = left === 0;
  const onExpiredRef = useLatest(onExpired);
  useEffect(() => {
    if (expired) onExpiredRef.current();
  }, [expired, onExpiredRef]);
  if (left === undefined) return null;
  return (
    <p className="hold-timer" data-testid="hold-timer">
      {t('seats.held', { s: left })}
    </p>
  );
}
