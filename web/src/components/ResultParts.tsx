import type { Leader, Splits } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { seconds } from '../lib/format';
import { SPLIT_STEPS, splitParts, tierKey, tierOf } from '../lib/results';

/** The four server-measured splits as one horizontal stacked bar, each part labelled with time and share. */
export function SplitBar({ splits }: { splits: Partial<Splits> | null | undefined }) {
  const { t, lang } = useI18n();
  const parts = splitParts(splits);
  return (
    <figure className="split-figure">
      <div
        className="split-bar"
        role="img"
        aria-label={parts.map((p) => `${t(`result.split.${p.key}`)} ${seconds(p.ms, lang)}`).join(', ')}
      >
        {parts.map((part) =>
          part.percent > 0 ? (
            <span
              key={part.key}
              className={`split step-${SPLIT_STEPS[part.key]}`}
              style={{ width: `${part.percent}%` }}
              data-testid={`split-${part.key}`}
            />
          ) : null,
        )}
      </div>
      <ul className="split-legend">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`swatch step-${SPLIT_STEPS[part.key]}`} aria-hidden="true" />
            <span className="split-name">{t(`result.split.${part.key}`)}</span>
            <span className="split-time">{seconds(part.ms, lang)}</span>
            <span className="muted small">{part.shownPercent}%</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The tier of `position` among `total`, from the exact share (the shown top % is rounded up, so it agrees). */
export function TierBadge({ position, total }: { position: number; total: number }) {
  const { t } = useI18n();
  const tier = tierOf((100 * position) / Math.max(total, 1));
  return (
    <span className={`tier tier-${tier}`} data-testid="tier">
      <span aria-hidden="true">{tier === 'top5' ? '◆' : tier === 'top10' ? '▲' : tier === 'top20' ? '●' : '○'}</span>
      {t(tierKey(tier))}
    </span>
  );
}

export function LeaderboardTable({
  entries,
  highlight,
}: {
  entries: readonly Leader[];
  highlight?: string | undefined;
}) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('result.leaderboardEmpty')}</p>;
  return (
    <table className="leaderboard">
      <thead>
        <tr>
          <th scope="col">{t('result.place')}</th>
          <th scope="col">{t('result.nickname')}</th>
          <th scope="col" className="num">
            {t('result.time')}
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, i) => (
          <tr
            key={entry.bookingId ?? `${entry.nickname}-${i}`}
            className={entry.bookingId && entry.bookingId === highlight ? 'me' : undefined}
          >
            <td>{i + 1}</td>
            <td>
              {entry.nickname}
              {entry.seatId && <span className="muted small"> · {entry.seatId}</span>}
            </td>
            <td className="num">{seconds(entry.durationMs, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
