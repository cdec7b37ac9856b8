import type { RoundStats } from '../api/types';
import { num } from '../api/wire';
import { useI18n } from '../i18n/i18n';
import { percent } from '../lib/format';

/** The current round's admission counters, as the last admin stats gave them (zeros until someone enters). */
export function LiveStats({ current }: { current: RoundStats | undefined }) {
  const { t } = useI18n();
  return (
    <dl className="stat-grid six" data-testid="ops-stats">
      <Stat label={t('ops.entered')} value={num(current?.entered)} />
      <Stat label={t('ops.admitted')} value={num(current?.admitted)} />
      <Stat label={t('ops.waitingNow')} value={num(current?.waiting)} testId="stat-waiting" />
      <Stat label={t('ops.active')} value={num(current?.active)} />
      <Stat
        label={t('ops.humansBots')}
        value={`${num(current?.enteredBy?.humans)} / ${num(current?.enteredBy?.bots)}`}
      />
      <Stat
        label={t('ops.achievedRate')}
        value={`${percent(num(current?.achievedRatePerSecond))}/s`}
        sub={current?.settings ? `${t('ops.rate').split(' (')[0]} ${current.settings.ratePerSecond}` : undefined}
      />
    </dl>
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
