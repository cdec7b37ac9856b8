import type { RoundStats } from '../api/types';
import { num } from '../api/wire';
import { useI18n } from '../i18n/i18n';
import { percent } from '../lib/format';

/** What a tile shows while the stats are not known (not loaded yet, or the last poll failed): never a 0. */
export const UNKNOWN = '–';

/**
 * The current round's admission counters, as the last admin stats gave them (zeros until someone enters). While the
 * stats are not `known` (not loaded, or not loading now) every tile shows a dash: a 0 during a surge reads as an
 * empty round.
 */
export function LiveStats({ current, known }: { current: RoundStats | undefined; known: boolean }) {
  const { t } = useI18n();
  const n = (value: number | undefined): number | string => (known ? num(value) : UNKNOWN);
  return (
    <dl className="stat-grid six" data-testid="ops-stats">
      <Stat label={t('ops.entered')} value={n(current?.entered)} />
      <Stat label={t('ops.admitted')} value={n(current?.admitted)} />
      <Stat label={t('ops.waitingNow')} value={n(current?.waiting)} testId="stat-waiting" />
      <Stat label={t('ops.active')} value={n(current?.active)} />
      <Stat
        label={t('ops.humansBots')}
        value={known ? `${num(current?.enteredBy?.humans)} / ${num(current?.enteredBy?.bots)}` : UNKNOWN}
      />
      <Stat
        label={t('ops.achievedRate')}
        value={known ? `${percent(num(current?.achievedRatePerSecond))}/s` : UNKNOWN}
        sub={
          known && current?.settings ? `${t('ops.rate').split(' (')[0]} ${current.settings.ratePerSecond}` : undefined
        }
      />
    </dl>
  );
}

/** Admission paused in force: a badge that cannot be missed. */
export function PausedBadge() {
  const { t } = useI18n();
  return (
    <span className="chip chip-paused" data-testid="paused">
      {t('ops.pausedBadge')}
    </span>
  );
}

/** One figure of a stat grid (`dl.stat-grid`): a label, a number (grouped by thousands) or text, and a note. */
export function Stat({
  label,
  value,
  sub,
  testId,
}: {
  label: string;
  value: number | string;
  sub?: string | undefined;
  testId?: string;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{typeof value === 'number' ? value.toLocaleString() : value}</dd>
      {sub && <dd className="muted small">{sub}</dd>}
    </div>
  );
}
