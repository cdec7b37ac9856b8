import { useI18n } from '../i18n/i18n';
import { parseRoundId } from '../lib/clock';
import { roundOpenedText } from '../lib/format';

/** A round by the time it opened ("15:40:00 오픈 라운드", see `roundOpenedText`), its open as the machine-readable time. */
export function RoundOpenedAt({ roundId }: { roundId: string }) {
  const { t, lang } = useI18n();
  const at = parseRoundId(roundId);
  if (at === undefined) return <>{roundId}</>;
  return (
    <time dateTime={new Date(at).toISOString()} data-round-id={roundId}>
      {roundOpenedText(roundId, t, lang)}
    </time>
  );
}
