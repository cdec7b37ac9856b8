import type { AdmissionSettings, RoundStats } from '../api/types';
import { num } from '../api/wire';
import { useI18n } from '../i18n/i18n';
import { secondsUntil } from '../lib/clock';
import { percent } from '../lib/format';
import type { RoundState } from '../lib/opsRound';

/** What a tile shows while the stats are not known (not loaded yet, or the last poll failed): never a 0. */
export const UNKNOWN = '–';

/**
 * The current round's admission counters, as the last admin stats gave them (zeros until someone enters). While the
 * stats are not `known` (not loaded, or not loading now) every tile shows a dash: a 0 during a surge reads as an
 * empty round. `settings` are those the live panel tells (an open round's own, else those in force, which the next
 * round opens with: `open` says which): the rate set under the rate achieved, and a maxActive cap beside the active
 * players it caps.
 */
export function LiveStats({
  current,
  known,
  settings,
  open,
}: {
  current: RoundStats | undefined;
  known: boolean;
  settings: AdmissionSettings | undefined;
  open: boolean;
}) {
  const { t } = useI18n();
  const n = (value: number | undefined): number | string => (known ? num(value) : UNKNOWN);
  const cap = settings && settings.maxActive > 0 ? settings.maxActive : undefined;
  return (
    <>
      <dl className="stat-grid six" data-testid="ops-stats">
        <Stat label={t('ops.entered')} value={n(current?.entered)} />
        <Stat label={t('ops.admitted')} value={n(current?.admitted)} />
        <Stat label={t('ops.waitingNow')} value={n(current?.waiting)} testId="stat-waiting" />
        <Stat
          label={t('ops.active')}
          value={
            known && cap !== undefined
              ? t('ops.activeOfCap', { active: num(current?.active).toLocaleString(), cap: cap.toLocaleString() })
              : n(current?.active)
          }
          testId="stat-active"
        />
        <Stat
          label={t('ops.humansBots')}
          value={known ? `${num(current?.enteredBy?.humans)} / ${num(current?.enteredBy?.bots)}` : UNKNOWN}
        />
        <Stat
          label={t('ops.achievedRate')}
          value={known ? `${percent(num(current?.achievedRatePerSecond))}/s` : UNKNOWN}
          sub={
            known && settings
              ? t(open ? 'ops.rateSet' : 'ops.rateNext', { rate: settings.ratePerSecond.toLocaleString() })
              : undefined
          }
        />
      </dl>
      {/* always one line here, open or closed, so the tiles and charts below do not jump at the close */}
      {known && current && (
        <p className="muted small" data-testid="counts-note">
          {t(open ? 'ops.openCounts' : 'ops.closedCounts')}
        </p>
      )}
      {/* a new cap does not send anybody away: 65 active under a cap of 20 is not the cap failing */}
      {known && cap !== undefined && (
        <p className="muted small" data-testid="cap-hint">
          {t('ops.capHint', { cap: cap.toLocaleString() })}
        </p>
      )}
    </>
  );
}

/**
 * Where the round the live panel shows stands, by the server's clock `now`: open with the seconds to its close, or
 * closed with the seconds to the next open. Not a live region: a number that changes every second would be read out
 * every second.
 */
export function RoundStateChip({ state, now }: { state: RoundState; now: number }) {
  const { t } = useI18n();
  return state.open ? (
    <span className="chip chip-open" data-testid="ops-round-state">
      <span className="live-dot" aria-hidden="true" />
      {t('ops.roundOpen')} · {t('common.closesIn', { s: secondsUntil(state.closesAt, now) })}
    </span>
  ) : (
    <span className="chip chip-closed" data-testid="ops-round-state">
      {t('ops.roundClosed')} · {t('ops.nextOpensIn', { s: secondsUntil(state.nextOpensAt, now) })}
    </span>
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
