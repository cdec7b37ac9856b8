import { useEffect } from 'react';
import type { Hold } from '../api/types';
import { toEpochMs } from '../api/wire';
import { useLatest } from '../hooks/useLatest';
import { useServerClock, useServerNow } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { closesAtOf, secondsUntil } from '../lib/clock';

/**
 * Seconds left to confirm a hold of `roundId`, by the server's clock; `onExpired` once they run out. Counted like the
 * round's deadline beside it (`RoundDeadline`: the same tick, the same rounding), and never past the close: nothing is
 * booked after it, so a hold said to last longer would promise time that does not exist.
 */
export function HoldTimer({ hold, roundId, onExpired }: { hold: Hold; roundId: string; onExpired(): void }) {
  const { t } = useI18n();
  const { timing } = useServerClock();
  const now = useServerNow(250);
  const expiresAt = toEpochMs(hold.expiresAt);
  const left =
    expiresAt === undefined ? undefined : secondsUntil(Math.min(expiresAt, closesAtOf(roundId, timing)), now);
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
