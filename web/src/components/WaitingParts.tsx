// The waiting room's parts: the countdown before the entry, and the ticket's standing once in the queue.
import { useState } from 'react';
import type { TicketView } from '../api/types';
import { useServerClock, useServerNow } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { closesAtOf, mmss, secondsUntil } from '../lib/clock';

/** Before the entry: the countdown to the open, or to a rate limit's end, or to an automatic retry of the entry. */
export function PreOpen({
  at,
  rateLimited,
  retry,
  retries,
}: {
  at: number;
  /** A 429's Retry-After is being waited out (until `at`). */
  rateLimited: boolean;
  /** Which automatic retry of a failed entry this waits for, if it does… */
  retry: number | undefined;
  /** …of how many. */
  retries: number;
}) {
  const { t } = useI18n();
  const now = useServerNow(100);
  const left = secondsUntil(at, now);
  return (
    <div className="card preopen center" data-testid="preopen">
      {retry !== undefined ? (
        // counted down here; said once to screen readers (the announcement when it was scheduled), not every second
        <p className="notice-inline" data-testid="entry-retry">
          {t('wait.entryRetrying', { s: Math.max(1, left), k: retry, n: retries })}
        </p>
      ) : rateLimited ? (
        <p className="notice-inline">{t('wait.rateLimited', { s: Math.max(1, left) })}</p>
      ) : (
        <>
          <p className="eyebrow">{t('wait.preOpen')}</p>
          <p className="countdown-digits" aria-live="off">
            {mmss(left)}
          </p>
          <p className="muted">{t('wait.preOpenLead')}</p>
        </>
      )}
    </div>
  );
}

const TRANSPORT_LABELS = { sse: 'wait.live', polling: 'wait.polling', stalled: 'wait.stalled' } as const;

/** The ticket's standing: its place, the people ahead and waiting, the estimated wait, and how it is kept live. */
export function Standing({
  view,
  transport,
  maxPosition,
}: {
  view: TicketView;
  /** `stalled`: the last standing update failed; the next one waits out its Retry-After. */
  transport: 'sse' | 'polling' | 'stalled';
  maxPosition: number;
}) {
  const { t } = useI18n();
  const top = Math.max(maxPosition, view.position, 1);
  const progress = Math.min(100, Math.max(0, ((top - view.position + 1) / top) * 100));
  // No ETA is the server saying admission does not move (paused, no rate) or would take more than a day: the
  // configured rate would then promise one, so neither is made up from it.
  const eta = view.etaSeconds ?? undefined;
  const rate = eta !== undefined ? (view.ratePerSecond ?? 0) : 0;
  const late = useEtaPastClose(view.roundId, eta);
  return (
    <div className="card standing" data-testid="standing">
      <div className="position">
        <p className="position-label">{t('wait.position')}</p>
        <p className="position-number" data-testid="position">
          {view.position.toLocaleString()}
        </p>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('wait.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress)}
      >
        <div className="progress-fill" style={{ width: `${progress}%` }} />
      </div>
      <dl className="stat-grid three">
        <div>
          <dt>{t('wait.ahead')}</dt>
          <dd data-testid="ahead">{t('wait.people', { n: view.ahead.toLocaleString() })}</dd>
        </div>
        <div>
          <dt>{t('wait.waiting')}</dt>
          <dd>{t('wait.people', { n: view.waiting.toLocaleString() })}</dd>
        </div>
        <div>
          <dt>{t('wait.eta')}</dt>
          <dd>{eta !== undefined ? t('wait.etaValue', { s: eta }) : t('wait.etaUnknown')}</dd>
        </div>
      </dl>
      {/* a live region kept in place, its text short and without numbers: said once as it turns true, not every
          second; the reason under it is shown, and read by whoever reads on, but not said out of the blue */}
      <div aria-live="polite" className="eta-late-region">
        {late && (
          <p className="notice-inline eta-late" data-testid="eta-late">
            {t('wait.etaPastClose')}
          </p>
        )}
      </div>
      {late && (
        <p className="eta-late-why" data-testid="eta-late-why">
          {t('wait.etaPastCloseWhy')}
        </p>
      )}
      <p className="muted small">
        <span className={`live-dot ${transport === 'sse' ? '' : 'is-polling'}`} aria-hidden="true" />
        {t(TRANSPORT_LABELS[transport])}
        {rate > 0 && <> · {t('wait.rate', { r: rate })}</>}
      </p>
    </div>
  );
}

/** Once said, the warning stays until the estimate ends this many seconds before the close (no flicker at the edge). */
const ETA_CLEAR_MARGIN_S = 2;

/**
 * Whether the estimated wait (`eta`, seconds) ends after the ticket's round closes, by the server's clock: at the
 * current rate the player will probably not be admitted in time. False while there is no estimate, or no open round.
 */
function useEtaPastClose(roundId: string, eta: number | undefined): boolean {
  const { timing } = useServerClock();
  const now = useServerNow(1000);
  const [said, setSaid] = useState(false);
  const closesAt = closesAtOf(roundId, timing);
  let late = false;
  if (eta !== undefined && Number.isFinite(closesAt) && now < closesAt) {
    const left = secondsUntil(closesAt, now);
    late = said ? eta > left - ETA_CLEAR_MARGIN_S : eta > left;
  }
  // what was said last render decides the edge (React's "adjusting state while rendering")
  if (late !== said) setSaid(late);
  return late;
}
