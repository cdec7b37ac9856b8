import { useCallback, useId, useRef } from 'react';
import { ApiError } from '../api/http';
import { Notice } from '../components/Notice';
import { RoundOpenedAt } from '../components/RoundOpenedAt';
import { SeatLegend, SeatMap } from '../components/SeatMap';
import { SeatPanel } from '../components/SeatPanel';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useLiveSeatMap } from '../hooks/useLiveSeatMap';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useRoundEnd } from '../hooks/useRoundEnd';
import { useSeatBooking } from '../hooks/useSeatBooking';
import { useI18n } from '../i18n/i18n';
import type { NoBooking, Session } from '../lib/session';

interface Props {
  session: Session;
  onBooked(bookingId: string): void;
  onCaptchaRequired(): void;
  /**
   * The attempt ends without a new booking (the round closed, the seats sold out, the ticket had booked already): on to
   * the result and its debrief.
   */
  onRoundOver(reason: NoBooking): void;
}

/** Up to this width (styles.css) the panel is under the map, and a bar at the bottom of the screen while it is tall. */
const PANEL_UNDER_MAP = '(max-width: 860px)';

/**
 * The seat map, live, and the hold → confirm panel beside it (under it on a narrow screen, kept in sight at the bottom:
 * the legend is then the map's, so that the bar is no taller than it must be); a problem that ends the round ends this
 * step.
 */
export function SeatSelection({ session, onBooked, onCaptchaRequired, onRoundOver }: Props) {
  const { t } = useI18n();
  const panelUnderMap = useMediaQuery(PANEL_UNDER_MAP);
  const hintId = useId();
  // once: the clock and a lapsing hold may both see the close
  const ended = useRef(false);
  const over = useCallback(
    (problem: ApiError) => {
      if (ended.current) return;
      ended.current = true;
      onRoundOver({ kind: 'problem', problem });
    },
    [onRoundOver],
  );
  const { map, stale, refresh } = useLiveSeatMap(session, true, over);
  const alreadyBooked = useCallback(() => onRoundOver({ kind: 'already-booked' }), [onRoundOver]);
  const booking = useSeatBooking(session, {
    map,
    refresh,
    onRoundOver: over,
    onBooked,
    onAlreadyBooked: alreadyBooked,
    onCaptchaRequired,
  });
  const { phase, selected } = booking;
  // the map takes the focus when it has loaded (a request away); until then the step's heading holds it, so it never
  // rests on the page (<body>) after the letter (or the waiting room), gone with the focus it had
  const heading = useFocusOnMount<HTMLHeadingElement>({ unlessFocused: true });
  // the map stays readable after the close: the clock ends the attempt of a player who is only looking at it, or
  // holding a seat (nothing is booked after the close; a hold or booking on its way ends it by its answer instead)
  useRoundEnd(session.roundId, () => {
    if (phase.name !== 'choose' && phase.name !== 'held') return false;
    over(new ApiError(403, 'round-closed'));
    return true;
  });

  const available = map?.seats.filter((s) => s.status === 'AVAILABLE').length ?? 0;
  const none = map !== undefined && map.seats.length > 0 && available === 0 && phase.name === 'choose';
  // sold out only when every seat is SOLD: a held one comes back when its hold lapses or is cancelled
  const soldOut = none && map.seats.every((s) => s.status === 'SOLD');
  const allTaken = none && !soldOut;
  return (
    <section className="screen seats" aria-labelledby="seats-title">
      <div className="screen-head">
        <h1 id="seats-title" ref={heading} tabIndex={-1}>
          {t('seats.title')}
        </h1>
        {map && (
          <p className="muted" data-testid="seats-left">
            {t('seats.available', { n: available, total: map.seats.length })}
          </p>
        )}
      </div>
      <div className="seats-layout">
        <div className="card seatmap-card">
          {map ? (
            <SeatMap
              seats={map.seats}
              selectedId={phase.name === 'choose' ? selected?.id : phase.seat.id}
              onSelect={booking.select}
              disabled={phase.name !== 'choose'}
              autoFocus
              // a refused hold (seat taken) or a lapsed one: back to the map for the next pick
              refocus={booking.notice}
              describedBy={hintId}
            />
          ) : (
            <p className="muted center">{t('seats.loading')}</p>
          )}
          {/* the map's description (its name stays "좌석 배치도"): for touch and keys both */}
          <p id={hintId} className="muted small">
            {t('seats.keyboardHint')}
          </p>
          {panelUnderMap && <SeatLegend />}
          {stale && <Notice tone="warn" message={t('seats.stale')} />}
          {soldOut && (
            <Notice
              tone="warn"
              message={t('seats.soldOut')}
              onRetry={() => onRoundOver({ kind: 'sold-out' })}
              retryLabel={t('seats.toDebrief')}
            />
          )}
          {allTaken && <Notice tone="info" message={t('seats.allTaken')} />}
        </div>
        <SeatPanel booking={booking} roundId={session.roundId} legend={!panelUnderMap} />
      </div>
      <p className="muted small center">
        {session.nickname} · <RoundOpenedAt roundId={session.roundId} />
      </p>
    </section>
  );
}
