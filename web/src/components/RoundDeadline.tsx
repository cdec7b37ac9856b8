import { useServerClock, useServerNow } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { closesAtOf, parseRoundId, roundAt, secondsUntil } from '../lib/clock';

/** At or under this many seconds left the deadline is drawn as urgent. */
const URGENT_S = 5;

/**
 * "마감까지 N초" beside the step indicator: the time left in `roundId` (by default the round open now) by the server's
 * clock, so that the close does not come as a surprise. Nothing while the round is not open. Not a live region: a
 * number that changes every second would be read out every second.
 */
export function RoundDeadline({ roundId }: { roundId?: string | undefined }) {
  const { t } = useI18n();
  const { timing } = useServerClock();
  const now = useServerNow(250);
  const round = roundAt(now, timing);
  const opensAt = roundId === undefined ? round.opensAt : parseRoundId(roundId);
  const closesAt = roundId === undefined ? round.closesAt : closesAtOf(roundId, timing);
  if (opensAt === undefined || now < opensAt || now >= closesAt) return null;
  const left = secondsUntil(closesAt, now);
  return (
    <p className={`round-deadline${left <= URGENT_S ? ' is-urgent' : ''}`} data-testid="round-deadline">
      {t('common.closesIn', { s: left })}
    </p>
  );
}
