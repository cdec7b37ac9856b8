import { useState } from 'react';
import type { ApiError } from '../api/http';
import { Notice } from '../components/Notice';
import { SeatMap } from '../components/SeatMap';
import { SeatPanel } from '../components/SeatPanel';
import { useLiveSeatMap } from '../hooks/useLiveSeatMap';
import { useSeatBooking } from '../hooks/useSeatBooking';
import { useI18n } from '../i18n/i18n';
import type { Session } from '../lib/session';

interface Props {
  session: Session;
  onBooked(bookingId: string): void;
  onCaptchaRequired(): void;
  onNextRound(): void;
  onHome(): void;
}

/** The seat map, live, and the hold → confirm panel beside it; a problem that ends the round ends this step. */
export function SeatSelection({ session, onBooked, onCaptchaRequired, onNextRound, onHome }: Props) {
  const { t } = useI18n();
  const [over, setOver] = useState<ApiError | undefined>();
  const { map, stale, refresh } = useLiveSeatMap(session, over === undefined, setOver);
  const booking = useSeatBooking(session, { map, refresh, onRoundOver: setOver, onBooked, onCaptchaRequired });
  const { phase, selected } = booking;

  if (over) {
    return (
      <section className="screen seats" aria-labelledby="seats-title">
        <h1 id="seats-title" tabIndex={-1}>
          {t('seats.title')}
        </h1>
        <Notice error={over} onRetry={onNextRound} retryLabel={t('result.retryNow')}>
          <button type="button" className="btn btn-small btn-ghost" onClick={onHome}>
            {t('common.back')}
          </button>
        </Notice>
      </section>
    );
  }

  const available = map?.seats.filter((s) => s.status === 'AVAILABLE').length ?? 0;
  return (
    <section className="screen seats" aria-labelledby="seats-title">
      <div className="screen-head">
        <h1 id="seats-title" tabIndex={-1}>
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
            />
          ) : (
            <p className="muted center">{t('seats.loading')}</p>
          )}
          <p className="muted small">{t('seats.keyboardHint')}</p>
          {stale && <Notice tone="warn" message={t('seats.stale')} />}
        </div>
        <SeatPanel booking={booking} />
      </div>
      <p className="muted small center">
        {session.nickname} · {session.roundId}
      </p>
    </section>
  );
}
