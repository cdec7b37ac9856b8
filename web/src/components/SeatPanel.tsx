import { useEffect, useRef } from 'react';
import type { Seat } from '../api/types';
import type { SeatBooking } from '../hooks/useSeatBooking';
import { useI18n } from '../i18n/i18n';
import { isRetryable } from '../lib/problems';
import { HoldTimer } from './HoldTimer';
import { AutoRetryNote, Notice } from './Notice';
import { SeatLegend } from './SeatMap';

/**
 * Beside the map: the legend (unless the map has it), the picked seat, and the one button for the next step (hold,
 * confirm). The focus stays on a control through the steps: the hold button is the same element while the hold is on
 * its way, and so is the confirm button while the booking is (busy, not disabled: a disabled button drops the focus to
 * the page), and a hold taken moves the focus to 예매 확정, the next thing to press.
 */
export function SeatPanel({
  booking,
  roundId,
  legend = true,
}: {
  booking: SeatBooking;
  roundId: string;
  /** False where the map's card shows the legend (the panel under the map, a bar at the bottom of the screen). */
  legend?: boolean;
}) {
  const { t } = useI18n();
  const { phase, selected, notice, error } = booking;
  const confirmButton = useRef<HTMLButtonElement>(null);
  const previous = useRef(phase.name);
  useEffect(() => {
    if (phase.name === 'held' && previous.current === 'holding') confirmButton.current?.focus();
    previous.current = phase.name;
  }, [phase.name]);
  const holding = phase.name === 'holding';
  const confirming = phase.name === 'booking';
  return (
    <aside className="card seat-panel" aria-labelledby="seat-panel-title">
      {legend && <SeatLegend />}
      <h2 id="seat-panel-title">{t('seats.selected')}</h2>
      {notice && <Notice tone="error" message={t(notice.key, notice.params)} />}
      {phase.name === 'choose' && !selected && <p className="muted">{t('seats.none')}</p>}
      {(selected || phase.name !== 'choose') && <SeatSummary seat={phase.name === 'choose' ? selected! : phase.seat} />}
      {phase.name === 'held' && <HoldTimer hold={phase.hold} roundId={roundId} onExpired={booking.holdExpired} />}
      {(phase.name === 'choose' || holding) && (
        <button
          type="button"
          className="btn btn-primary btn-block btn-large"
          disabled={phase.name === 'choose' && !selected}
          aria-disabled={holding || undefined}
          aria-busy={holding || undefined}
          onClick={() => phase.name === 'choose' && selected && void booking.hold(selected)}
        >
          {holding ? t('seats.holding') : t('seats.hold')}
        </button>
      )}
      {phase.name === 'holding' && booking.autoRetry && (
        <Notice tone="warn" error={booking.autoRetry.problem}>
          <AutoRetryNote n={booking.autoRetry.n} delayMs={booking.autoRetry.delayMs} since={booking.autoRetry} />
          <button type="button" className="btn btn-small btn-ghost" onClick={booking.stopRetrying}>
            {t('seats.stopRetrying')}
          </button>
        </Notice>
      )}
      {(phase.name === 'held' || phase.name === 'booking') && (
        <>
          <button
            ref={confirmButton}
            type="button"
            className="btn btn-accent btn-block btn-large"
            aria-disabled={confirming || undefined}
            aria-busy={confirming || undefined}
            onClick={() => phase.name === 'held' && void booking.confirm(phase)}
          >
            {confirming ? t('seats.confirming') : t('seats.confirm')}
          </button>
          {phase.name === 'held' && (
            <button type="button" className="btn btn-ghost btn-block" onClick={() => void booking.cancel(phase)}>
              {t('seats.cancelHold')}
            </button>
          )}
        </>
      )}
      {error && <Notice error={error} onRetry={isRetryable(error) ? booking.retry : undefined} />}
    </aside>
  );
}

function SeatSummary({ seat }: { seat: Seat }) {
  const { t } = useI18n();
  return (
    <p className="seat-summary" data-testid="seat-summary">
      <span className={`grade-badge grade-${seat.grade.toLowerCase()}`}>{t(`seats.grade.${seat.grade}`)}</span>
      <strong>{seat.id}</strong>
    </p>
  );
}
