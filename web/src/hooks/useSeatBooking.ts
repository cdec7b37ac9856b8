import { useRef, useState } from 'react';
import { book, holdSeat, releaseHold } from '../api/booking';
import { ApiError, asApiError } from '../api/http';
import type { Hold, Seat, SeatMapResponse } from '../api/types';
import { toEpochMs } from '../api/wire';
import type { Message } from '../i18n/i18n';
import { closesAtOf, secondsUntil } from '../lib/clock';
import { autoRetryDelay, endsRound, problemKey } from '../lib/problems';
import type { Session } from '../lib/session';
import { holdOfTicket, rememberHold } from '../lib/tickets';
import { useServerClock } from './serverClock';
import { useAnnouncer } from './useAnnouncer';
import { useLatest } from './useLatest';
import { useMounted } from './useMounted';

export type BookingPhase =
  | { name: 'choose' }
  | { name: 'holding'; seat: Seat }
  | { name: 'held'; seat: Seat; hold: Hold; idempotencyKey: string }
  | { name: 'booking'; seat: Seat; hold: Hold; idempotencyKey: string };

type HeldPhase = Extract<BookingPhase, { name: 'held' | 'booking' }>;

/**
 * Retried with the same key before asking the player: the same key still in progress (409), a dependency briefly down
 * (503), and an answer that was lost (a dropped or timed-out connection, a proxy's 502 or 504): the server may well
 * have taken the booking, and it answers a known key with that same booking until 30 s after the close.
 */
const BOOK_AUTO_RETRIES = 5;
/** The least wait before such a retry: a Retry-After of 0 (or none) does not mean back to back. */
const BOOK_RETRY_BASE_MS = 1000;

/** No answer, or a proxy's or a busy server's instead of booking's: whether the booking was taken is not known. */
const lostOrBusy = (problem: ApiError) =>
  problem.isNetwork || problem.status === 502 || problem.status === 503 || problem.status === 504;

/** A fresh Idempotency-Key per hold; reused for every retry of that booking. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export interface SeatBookingOptions {
  /** The live map: a pick that turns unavailable in it is dropped at once. */
  map: SeatMapResponse | undefined;
  /** Reloads the map (after a seat-taken or a released hold). */
  refresh(): void;
  onRoundOver(problem: ApiError): void;
  onBooked(bookingId: string): void;
  /** 409 already-booked: this ticket booked a seat before (a reload after booking resumed it); the attempt is over. */
  onAlreadyBooked(): void;
  onCaptchaRequired(): void;
}

export interface SeatBooking {
  phase: BookingPhase;
  /** The seat picked on the map, not yet held. */
  selected: Seat | undefined;
  /** What happened to the pick (taken by someone faster, the hold lapsed), translated where it is shown. */
  notice: Message | undefined;
  /** A problem the player can retry or read. */
  error: ApiError | undefined;
  /** A hold refused with a 503, being tried again by itself: the `n`th time, after `delayMs` (`problem`: the 503). */
  autoRetry: { n: number; delayMs: number; problem: ApiError } | undefined;
  /** Stops a hold's tries by itself: back to the map, the 503 shown with its Retry. */
  stopRetrying(): void;
  select(seat: Seat): void;
  hold(seat: Seat): Promise<void>;
  confirm(current: HeldPhase): Promise<void>;
  cancel(current: Extract<BookingPhase, { name: 'held' }>): Promise<void>;
  /** Tries the failed step again: the booking (same key) if a seat is held, else the hold. */
  retry(): void;
  /** The hold's time ran out on the player's clock. */
  holdExpired(): void;
}

/**
 * Where the seat step starts: on the hold this ticket was given in this browser (a reload, a resume) while it has time
 * left by the server's clock, else on the map. The server still holds that seat for the ticket, so the map shows it
 * HELD: without this the player's own seat would read as somebody else's, not to be picked, until the hold lapsed.
 */
function startPhase(ticketId: string, now: number): BookingPhase {
  const kept = holdOfTicket(ticketId);
  const expiresAt = toEpochMs(kept?.hold.expiresAt);
  if (!kept || expiresAt === undefined || expiresAt <= now) return { name: 'choose' };
  // the same key as before the reload: a booking whose answer was lost is answered with that booking
  return { name: 'held', seat: kept.seat, hold: kept.hold, idempotencyKey: kept.idempotencyKey };
}

/** Pick → hold → confirm, with the Idempotency-Key of a hold reused on every retry of its booking. */
export function useSeatBooking(
  session: Session,
  { map, refresh, onRoundOver, onBooked, onAlreadyBooked, onCaptchaRequired }: SeatBookingOptions,
): SeatBooking {
  const mounted = useMounted();
  const serverClock = useServerClock();
  const [phase, setPhase] = useState<BookingPhase>(() => startPhase(session.ticketId, serverClock.now()));
  const [selected, setSelected] = useState<Seat | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState<Message | undefined>();
  const [autoRetry, setAutoRetry] = useState<SeatBooking['autoRetry']>();
  /** The hold the tries by itself belong to: a stop (or a new hold) leaves the earlier one's waits with nothing to do. */
  const holdAttempt = useRef(0);
  const clock = useLatest(serverClock);
  const { announce } = useAnnouncer();
  /** The hold is over (released, lapsed, booked, refused, the round ended): a reload must not show it as the player's. */
  const forgetHold = () => rememberHold(session.ticketId, undefined);

  // the pick went to somebody else before we held it: say so as soon as the map shows it, without waiting for the click
  const [checkedMap, setCheckedMap] = useState(map);
  if (map !== checkedMap) {
    setCheckedMap(map);
    const now = selected && phase.name === 'choose' ? map?.seats.find((s) => s.id === selected.id) : undefined;
    if (now && now.status !== 'AVAILABLE') {
      setSelected(undefined);
      setNotice({ key: 'seats.takenLive', params: { seat: now.id } });
    }
  }

  const fail = (problem: ApiError, seat?: Seat) => {
    if (endsRound(problem)) {
      forgetHold();
      onRoundOver(problem);
      return;
    }
    if (problem.slug === 'already-booked') {
      forgetHold();
      onAlreadyBooked();
      return;
    }
    if (problem.slug === 'captcha-required') {
      forgetHold();
      onCaptchaRequired();
      return;
    }
    if (problem.slug === 'seat-taken' || problem.slug === 'unknown-seat' || problem.slug === 'unknown-hold') {
      // someone was faster (or the hold lapsed): back to the map, freshly loaded; an earlier failure is over with it
      forgetHold();
      setPhase({ name: 'choose' });
      setError(undefined);
      setSelected((current) => (!seat || current?.id === seat.id ? undefined : current));
      setNotice(
        problem.slug === 'seat-taken' && seat
          ? { key: 'seats.taken', params: { seat: seat.id } }
          : { key: problemKey(problem.slug) },
      );
      refresh();
      return;
    }
    setError(problem);
  };

  const hold = async (seat: Seat) => {
    setError(undefined);
    setNotice(undefined);
    setPhase({ name: 'holding', seat });
    const attempt = ++holdAttempt.current;
    // a 503 is asked again by itself (AUTO_RETRIES, each after its Retry-After, never past the close): the same ticket
    // holding the same seat again gets the hold it has, and a hold whose 503 left the seat locked gave it back
    for (let tries = 0; ; tries++) {
      try {
        const held = await holdSeat(session.token, session.roundId, seat.id);
        if (!mounted.current) return;
        setAutoRetry(undefined);
        const kept = { seat, hold: held, idempotencyKey: newIdempotencyKey() };
        // kept for a reload: the player's hold comes back as theirs, with its timer, and booking it sends the same key
        rememberHold(session.ticketId, kept);
        setPhase({ name: 'held', ...kept });
        // said once, with the time to confirm (the hold's timer counts it down on screen, not in a live region)
        const { timing, now } = clock.current;
        const ends = Math.min(toEpochMs(held.expiresAt) ?? Infinity, closesAtOf(session.roundId, timing));
        announce(
          Number.isFinite(ends)
            ? { key: 'seats.heldAnnounce', params: { seat: seat.id, s: secondsUntil(ends, now()) } }
            : { key: 'seats.heldAnnounceNoTime', params: { seat: seat.id } },
        );
        return;
      } catch (caught) {
        if (!mounted.current) return;
        const problem = asApiError(caught);
        const { timing, now } = clock.current;
        const delayMs = autoRetryDelay(problem, tries, closesAtOf(session.roundId, timing) - now());
        if (delayMs !== undefined) {
          setAutoRetry({ n: tries + 1, delayMs, problem });
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (!mounted.current || holdAttempt.current !== attempt) return;
          continue;
        }
        setAutoRetry(undefined);
        setPhase({ name: 'choose' });
        fail(problem, seat);
        return;
      }
    }
  };

  const confirm = async (current: HeldPhase) => {
    setError(undefined);
    setPhase({ ...current, name: 'booking' });
    for (let attempt = 0; ; attempt++) {
      try {
        const accepted = await book(session.token, current.hold.holdId, current.idempotencyKey);
        // the hold became the booking, which is kept in its place (a reload goes to its result)
        forgetHold();
        if (mounted.current) onBooked(accepted.bookingId);
        return;
      } catch (caught) {
        if (!mounted.current) return;
        const problem = asApiError(caught);
        // same key, a moment later (BOOK_AUTO_RETRIES)
        const retryable = lostOrBusy(problem) || problem.slug === 'idempotency-key-in-progress';
        if (retryable && attempt < BOOK_AUTO_RETRIES) {
          // as long as the server asked (Retry-After), never less than the base delay
          const wait = Math.max(BOOK_RETRY_BASE_MS, (problem.retryAfter ?? 0) * 1000);
          await new Promise((resolve) => setTimeout(resolve, wait));
          if (!mounted.current) return;
          continue;
        }
        setPhase({ ...current, name: 'held' });
        fail(problem, current.seat);
        return;
      }
    }
  };

  const cancel = async (current: Extract<BookingPhase, { name: 'held' }>) => {
    setPhase({ name: 'choose' });
    setSelected(undefined);
    forgetHold();
    try {
      await releaseHold(session.token, current.hold.holdId);
    } catch {
      // it expires by itself anyway
    }
    refresh();
  };

  const select = (seat: Seat) => {
    if (phase.name !== 'choose') return;
    setNotice(undefined);
    setSelected(seat);
  };

  const stopRetrying = () => {
    if (!autoRetry || phase.name !== 'holding') return;
    holdAttempt.current++;
    setAutoRetry(undefined);
    setPhase({ name: 'choose' });
    fail(autoRetry.problem, phase.seat);
  };

  const retry = () => {
    setError(undefined);
    if (phase.name === 'held') void confirm(phase);
    else if (selected) void hold(selected);
  };

  const holdExpired = () => {
    if (phase.name !== 'held') return;
    // a hold lapses at the latest with its round: then the round is over, not the pick ("pick again" would mislead)
    const { timing, now } = clock.current;
    const closesAt = closesAtOf(session.roundId, timing);
    const expiresAt = toEpochMs(phase.hold.expiresAt) ?? -Infinity;
    forgetHold();
    if (now() >= closesAt || expiresAt >= closesAt) onRoundOver(new ApiError(403, 'round-closed'));
    else fail(new ApiError(404, 'unknown-hold'), phase.seat);
  };

  return { phase, selected, notice, error, autoRetry, stopRetrying, select, hold, confirm, cancel, retry, holdExpired };
}
