import { useCallback, useEffect, useRef, useState } from 'react';
import { book, getSeats, holdSeat, releaseHold } from '../api/booking';
import { ApiError, asApiError } from '../api/http';
import type { Hold, Seat, SeatMapResponse } from '../api/types';
import { toEpochMs } from '../api/wire';
import { Notice } from '../components/Notice';
import { SeatLegend, SeatMap } from '../components/SeatMap';
import { useServerNow } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { secondsUntil } from '../lib/clock';
import { endsRound, isRetryable, problemKey } from '../lib/problems';
import type { Session } from '../lib/session';

interface Props {
  session: Session;
  onBooked(bookingId: string): void;
  onCaptchaRequired(): void;
  onNextRound(): void;
  onHome(): void;
}

type Phase =
  | { name: 'choose' }
  | { name: 'holding'; seat: Seat }
  | { name: 'held'; seat: Seat; hold: Hold; idempotencyKey: string }
  | { name: 'booking'; seat: Seat; hold: Hold; idempotencyKey: string };

const REFRESH_MS = 1000;
const BOOK_AUTO_RETRIES = 5;

/** A fresh Idempotency-Key per hold; reused for every retry of that booking. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export function SeatSelection({ session, onBooked, onCaptchaRequired, onNextRound, onHome }: Props) {
  const { t } = useI18n();
  const [map, setMap] = useState<SeatMapResponse | undefined>();
  const [stale, setStale] = useState(false);
  const [selected, setSelected] = useState<Seat | undefined>();
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [error, setError] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [over, setOver] = useState<ApiError | undefined>();
  const alive = useRef(true);
  const refreshNow = useRef<() => void>(() => undefined);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // live status: re-fetch the map every second while this screen is shown (one request at a time)
  useEffect(() => {
    if (over) return;
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let inflight = false;
    let again = false;
    const load = async () => {
      // one request at a time: a refresh asked for meanwhile runs right after the one in flight
      if (inflight) {
        again = true;
        return;
      }
      inflight = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      try {
        const next = await getSeats(session.token, session.roundId, aborter.signal);
        if (aborter.signal.aborted) return;
        failures = 0;
        setStale(false);
        setMap(next);
        // the pick went to somebody else before we held it: say so at once, without waiting for the click
        const pick = selectedRef.current;
        if (pick && phaseRef.current.name === 'choose') {
          const now = next.seats.find((s) => s.id === pick.id);
          if (now && now.status !== 'AVAILABLE') {
            setSelected(undefined);
            setNotice(t('problem.seat-taken'));
          }
        }
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const problem = asApiError(caught);
        if (endsRound(problem)) {
          setOver(problem);
          return;
        }
        failures += 1;
        if (failures >= 3) setStale(true);
      } finally {
        inflight = false;
      }
      if (aborter.signal.aborted) return;
      if (again) {
        again = false;
        void load();
      } else {
        timer = setTimeout(() => void load(), REFRESH_MS);
      }
    };
    refreshNow.current = () => void load();
    void load();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
      refreshNow.current = () => undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one poller per session
  }, [session.token, session.roundId, over]);

  const fail = useCallback(
    (problem: ApiError, seat?: Seat) => {
      if (endsRound(problem)) {
        setOver(problem);
        return;
      }
      if (problem.slug === 'captcha-required') {
        onCaptchaRequired();
        return;
      }
      if (problem.slug === 'seat-taken' || problem.slug === 'unknown-seat' || problem.slug === 'unknown-hold') {
        // someone was faster (or the hold lapsed): back to the map, freshly loaded
        setPhase({ name: 'choose' });
        if (!seat || selectedRef.current?.id === seat.id) setSelected(undefined);
        setNotice(t(problemKey(problem.slug)));
        refreshNow.current();
        return;
      }
      setError(problem);
    },
    [onCaptchaRequired, t],
  );

  const hold = async (seat: Seat) => {
    setError(undefined);
    setNotice(undefined);
    setPhase({ name: 'holding', seat });
    try {
      const held = await holdSeat(session.token, session.roundId, seat.id);
      if (!alive.current) return;
      setPhase({ name: 'held', seat, hold: held, idempotencyKey: newIdempotencyKey() });
    } catch (caught) {
      if (!alive.current) return;
      setPhase({ name: 'choose' });
      fail(asApiError(caught), seat);
    }
  };

  const confirm = async (current: Extract<Phase, { name: 'held' | 'booking' }>) => {
    setError(undefined);
    setPhase({ ...current, name: 'booking' });
    for (let attempt = 0; ; attempt++) {
      try {
        const accepted = await book(session.token, current.hold.holdId, current.idempotencyKey);
        if (alive.current) onBooked(accepted.bookingId);
        return;
      } catch (caught) {
        if (!alive.current) return;
        const problem = asApiError(caught);
        // 503 (a request with this key still in progress, or a dependency briefly down): same key, a moment later
        if (problem.status === 503 && attempt < BOOK_AUTO_RETRIES) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(3, problem.retryAfter ?? 1) * 1000));
          if (!alive.current) return;
          continue;
        }
        setPhase({ ...current, name: 'held' });
        fail(problem, current.seat);
        return;
      }
    }
  };

  const cancel = async (current: Extract<Phase, { name: 'held' }>) => {
    setPhase({ name: 'choose' });
    setSelected(undefined);
    try {
      await releaseHold(session.token, current.hold.holdId);
    } catch {
      // it expires by itself anyway
    }
    refreshNow.current();
  };

  const onSelect = (seat: Seat) => {
    if (phase.name !== 'choose') return;
    setNotice(undefined);
    setSelected(seat);
  };

  const heldSeatId = phase.name === 'choose' ? selected?.id : phase.seat.id;
  const available = map?.seats.filter((s) => s.status === 'AVAILABLE').length ?? 0;

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
              selectedId={heldSeatId}
              onSelect={onSelect}
              disabled={phase.name !== 'choose'}
              autoFocus
            />
          ) : (
            <p className="muted center">{t('seats.loading')}</p>
          )}
          <p className="muted small">{t('seats.keyboardHint')}</p>
          {stale && <Notice tone="warn" message={t('seats.stale')} />}
        </div>
        <aside className="card seat-panel" aria-labelledby="seat-panel-title">
          <SeatLegend />
          <h2 id="seat-panel-title">{t('seats.selected')}</h2>
          {notice && <Notice tone="error" message={notice} />}
          {phase.name === 'choose' && !selected && <p className="muted">{t('seats.none')}</p>}
          {(selected || phase.name !== 'choose') && <SeatSummary seat={phase.name === 'choose' ? selected! : phase.seat} />}
          {phase.name === 'held' && (
            <HoldTimer hold={phase.hold} onExpired={() => fail(new ApiError(404, 'unknown-hold'), phase.seat)} />
          )}
          {phase.name === 'choose' && (
            <button
              type="button"
              className="btn btn-primary btn-block btn-large"
              disabled={!selected}
              onClick={() => selected && void hold(selected)}
            >
              {t('seats.hold')}
            </button>
          )}
          {phase.name === 'holding' && (
            <button type="button" className="btn btn-primary btn-block btn-large" disabled aria-busy="true">
              {t('seats.holding')}
            </button>
          )}
          {(phase.name === 'held' || phase.name === 'booking') && (
            <>
              <button
                type="button"
                className="btn btn-accent btn-block btn-large"
                disabled={phase.name === 'booking'}
                aria-busy={phase.name === 'booking'}
                onClick={() => phase.name === 'held' && void confirm(phase)}
              >
                {phase.name === 'booking' ? t('seats.confirming') : t('seats.confirm')}
              </button>
              {phase.name === 'held' && (
                <button type="button" className="btn btn-ghost btn-block" onClick={() => void cancel(phase)}>
                  {t('seats.cancelHold')}
                </button>
              )}
            </>
          )}
          {error && (
            <Notice
              error={error}
              onRetry={
                isRetryable(error)
                  ? () => {
                      setError(undefined);
                      if (phase.name === 'held') void confirm(phase);
                      else if (selected) void hold(selected);
                    }
                  : undefined
              }
            />
          )}
        </aside>
      </div>
      <p className="muted small center">
        {session.nickname} · {session.roundId}
      </p>
    </section>
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

function HoldTimer({ hold, onExpired }: { hold: Hold; onExpired(): void }) {
  const { t } = useI18n();
  const now = useServerNow(250);
  const expiresAt = toEpochMs(hold.expiresAt);
  const left = expiresAt === undefined ? undefined : secondsUntil(expiresAt, now);
  const expired = left === 0;
  const onExpiredRef = useRef(onExpired);
  onExpiredRef.current = onExpired;
  useEffect(() => {
    if (expired) onExpiredRef.current();
  }, [expired]);
  if (left === undefined) return null;
  return (
    <p className="hold-timer" data-testid="hold-timer">
      {t('seats.held', { s: left })}
    </p>
  );
}
