import { useCallback, useEffect, useRef, useState } from 'react';
import { enterQueue } from '../api/admission';
import { asApiError, type ApiError } from '../api/http';
import type { Entered, TicketView } from '../api/types';
import { toEpochMs } from '../api/wire';
import { standingMessage, worthAnnouncing, type Announced } from '../lib/announce';
import { closesAtOf, firstEntryAt, roundAt } from '../lib/clock';
import { isRetryable } from '../lib/problems';
import { nicknameRefusal, type Attempt, type NicknameRefusal, type Session, type WaitingKnown } from '../lib/session';
import { entryKey, rememberHighestPosition, rememberTicket, storedTicket } from '../lib/tickets';
import { useServerClock } from './serverClock';
import { useAnnouncer } from './useAnnouncer';
import { useLatest } from './useLatest';
import { useMounted } from './useMounted';
import { useTicketWatch } from './useTicketWatch';

export type QueuePhase =
  // waiting for the open (before the first try, or after 409 round-not-open), out a 429's Retry-After, or before an
  // automatic retry (`retry`: which one, 1..ENTRY_AUTO_RETRIES) of an entry that failed for a moment (503, network)
  | { name: 'scheduled'; at: number; retry?: number }
  | { name: 'entering' }
  | { name: 'waiting'; view: TicketView; transport: 'sse' | 'polling' }
  | { name: 'closed' }
  | { name: 'failed'; error: ApiError };

/** How far ahead of the clock the round an entry key belongs to is read (see `enter`). */
const ENTRY_KEY_LEAD_MS = 1_000;
/** Small margin after the open so the server's clock has certainly passed it too. */
const OPEN_MARGIN_MS = 40;
/** How often a scheduled entry looks at the server's clock again until its time. */
const SCHEDULE_RECHECK_MS = 250;
/**
 * Entries that failed for a moment (a 503, a dropped connection, a 5xx) tried again by themselves, in a row, before
 * the player is asked: safe, as every try carries the nickname's entry key (a lost answer's ticket comes back).
 */
export const ENTRY_AUTO_RETRIES = 3;
/** The wait before such a retry without a Retry-After; with one, never less than a second (0 is not back to back). */
const ENTRY_RETRY_DEFAULT_S = 2;
const ENTRY_RETRY_MIN_S = 1;

export interface QueuePlaceOptions {
  onAdmitted(session: Session): void;
  /** The round closed before admission: on to the result, with what the waiting room last showed. */
  onRoundOver(attempt: Attempt, known: WaitingKnown): void;
  /** The server refused the nickname (taken this round, or not allowed): back home to pick another. */
  onNicknameRefused(refusal: NicknameRefusal): void;
}

export interface QueuePlace {
  phase: QueuePhase;
  /** The scheduled entry waits out a 429's Retry-After (counted down to its time), not the open. */
  rateLimited: boolean;
  /** Standing updates that failed in a row (cleared by the next one that arrives). */
  failures: number;
  /** The furthest back in the queue the ticket waiting has been (the progress bar's start), 0 if not known. */
  maxPosition: number;
  /** Enters again now: the player's own try after a failure, or after the round closed on the ticket. */
  retry(): void;
}

/**
 * The player's place in the queue under `nickname`: entered at the open (`notBefore`, by the server's clock), out a
 * 429's Retry-After, after a 409 round-not-open, or again by itself after a moment's failure; then its standing,
 * watched until admitted or the round closes. Screen readers are told a retry coming and the place in the queue (in
 * the app's live region; the admission is said by whoever knows the next step).
 */
export function useQueuePlace(
  nickname: string,
  notBefore: number | undefined,
  { onAdmitted, onRoundOver, onNicknameRefused }: QueuePlaceOptions,
): QueuePlace {
  const clock = useServerClock();
  const [phase, setPhase] = useState<QueuePhase>(() => {
    const at = firstEntryAt(clock.now(), clock.timing, clock.synced, notBefore);
    return at !== undefined ? { name: 'scheduled', at } : { name: 'entering' };
  });
  const [rateLimited, setRateLimited] = useState(false);
  const { announce } = useAnnouncer();
  // the furthest back in the queue this ticket has been, the progress bar's start: kept beside the ticket, so a reload
  // (which resumes the ticket further up) continues the bar instead of starting it again near 0
  const [highest, setHighest] = useState<{ ticketId: string; position: number } | undefined>();
  const seenAt = useCallback((ticketId: string, position: number) => {
    const kept = rememberHighestPosition(ticketId, position);
    setHighest((previous) => ({
      ticketId,
      position: Math.max(kept, previous?.ticketId === ticketId ? previous.position : 0),
    }));
  }, []);
  const [failures, setFailures] = useState(0);
  /** The place in the queue last said to screen readers (see `src/lib/announce.ts`). */
  const lastAnnounced = useRef<Announced | undefined>(undefined);
  const alive = useMounted();
  const onAdmittedRef = useLatest(onAdmitted);
  const onRoundOverRef = useLatest(onRoundOver);
  const onNicknameRefusedRef = useLatest(onNicknameRefused);
  const lastView = useRef<TicketView | undefined>(undefined);
  const clockRef = useLatest(clock);

  const inflight = useRef(false);
  /** Automatic retries of the entry since the last one that went through (or the last round-not-open, or Retry). */
  const autoRetries = useRef(0);
  const enter = useCallback(async () => {
    if (inflight.current) return;
    inflight.current = true;
    let entered: Entered;
    try {
      // the ticket this browser was given for the nickname, if any: the server resumes it, and refuses anyone else;
      // and the nickname's entry key, the same on every try, so that a try after one whose answer was lost (a 503, a
      // dropped connection) is given the ticket that one made instead of nickname-taken (one key per round, by the
      // server's clock: a key that leaked opens no later round's ticket)
      // the round a second from now: an entry sent just before the open (clocks never agree to the ms) is keyed for the
      // round it lands in, and tries within a round keep one key
      const round = roundAt(clockRef.current.now() + ENTRY_KEY_LEAD_MS, clockRef.current.timing).id;
      entered = await enterQueue(nickname, entryKey(nickname, round), storedTicket(nickname));
    } catch (caught) {
      inflight.current = false;
      if (!alive.current) return;
      const error = asApiError(caught);
      // no retry for a nickname taken or not allowed: it stays so for the whole round; the home screen's field fixes it
      const refusal = nicknameRefusal(nickname, error.slug);
      if (refusal) {
        onNicknameRefusedRef.current(refusal);
        return;
      }
      if (error.slug === 'round-not-open') {
        // not an error for the player: count down to the open and go in by ourselves
        const now = clockRef.current.now();
        const opensAt =
          toEpochMs(error.extra('opensAt') as string | undefined) ?? roundAt(now, clockRef.current.timing).nextOpensAt;
        // entering that round is a fresh entry, with its own automatic retries; a rate limit met on the way is over
        autoRetries.current = 0;
        setRateLimited(false);
        setPhase({ name: 'scheduled', at: Math.max(opensAt, now + 100) });
        return;
      }
      if (error.slug === 'rate-limited') {
        const wait = Math.max(1, error.retryAfter ?? 2);
        setRateLimited(true);
        setPhase({ name: 'scheduled', at: clockRef.current.now() + wait * 1000 });
        return;
      }
      if (isRetryable(error) && autoRetries.current < ENTRY_AUTO_RETRIES) {
        // a moment's failure: the same entry (same key) again by itself after its Retry-After, as long as the round
        // is still open by the server's clock when it goes out; otherwise the player decides, as below
        const now = clockRef.current.now();
        const round = roundAt(now, clockRef.current.timing);
        const wait = Math.max(ENTRY_RETRY_MIN_S, error.retryAfter ?? ENTRY_RETRY_DEFAULT_S);
        const at = now + wait * 1000;
        if (round.phase === 'OPEN' && at + OPEN_MARGIN_MS < round.closesAt) {
          const retry = (autoRetries.current += 1);
          setRateLimited(false);
          // said once as it is scheduled; the countdown on screen is not live
          announce({ key: 'wait.entryRetrying', params: { s: Math.ceil(wait), k: retry, n: ENTRY_AUTO_RETRIES } });
          setPhase({ name: 'scheduled', at, retry });
          return;
        }
      }
      setPhase({ name: 'failed', error });
      return;
    }
    inflight.current = false;
    autoRetries.current = 0;
    rememberTicket(nickname, entered.ticketId);
    if (!alive.current) return;
    setRateLimited(false);
    seenAt(entered.ticketId, entered.position);
    const view: TicketView = {
      ticketId: entered.ticketId,
      roundId: entered.roundId,
      status: 'WAITING',
      position: entered.position,
      ahead: Math.max(0, entered.position - 1),
      waiting: entered.waiting,
      etaSeconds: null, // the entry's answer has no estimate: the first status brings it
    };
    lastView.current = view;
    setPhase({ name: 'waiting', transport: 'sse', view });
  }, [nickname, alive, clockRef, seenAt, onNicknameRefusedRef, announce]);

  // 'entering' posts; 'scheduled' turns into 'entering' at its time (by the server's clock)
  const entering = phase.name === 'entering';
  useEffect(() => {
    // enter() sets state only once its request has answered, never in this effect's own turn
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (entering) void enter();
  }, [entering, enter]);
  // The time left is asked of the clock again every SCHEDULE_RECHECK_MS, never computed once: the clock's offset may
  // only arrive (the first sync) or change (a re-sync) while waiting, and a device clock 3 s behind would otherwise
  // enter 3 s after the open.
  const scheduledAt = phase.name === 'scheduled' ? phase.at : undefined;
  useEffect(() => {
    if (scheduledAt === undefined) return;
    const left = () => scheduledAt + OPEN_MARGIN_MS - clockRef.current.now();
    const check = () => {
      const ms = left();
      if (ms <= 0) setPhase({ name: 'entering' });
      else timer = setTimeout(check, Math.min(ms, SCHEDULE_RECHECK_MS));
    };
    let timer = setTimeout(check, Math.min(Math.max(0, left()), SCHEDULE_RECHECK_MS));
    return () => clearTimeout(timer);
  }, [scheduledAt, clockRef]);

  // live standing once we hold a ticket
  const ticketId = phase.name === 'waiting' ? phase.view.ticketId : undefined;
  const roundId = phase.name === 'waiting' ? phase.view.roundId : undefined;
  useTicketWatch(ticketId, roundId, (ticketId, roundId) => ({
    onPosition: (view) => {
      lastView.current = view;
      setFailures(0);
      seenAt(ticketId, view.position);
      setPhase((previous) => (previous.name === 'waiting' ? { ...previous, view } : previous));
      const now = Date.now();
      if (worthAnnouncing(lastAnnounced.current, view.position, now)) {
        // with the seconds left to the close: a round lasts 15 of them, and the countdown on screen is not live
        const { timing, now: serverNow } = clockRef.current;
        const said = standingMessage(
          view.position,
          view.ahead,
          closesAtOf(view.roundId || roundId, timing),
          serverNow(),
        );
        if (said) {
          lastAnnounced.current = { position: view.position, at: now };
          announce(said);
        }
      }
    },
    onAdmitted: (view) => {
      onAdmittedRef.current({ nickname, ticketId, roundId: view.roundId || roundId, token: view.token ?? '' });
    },
    onClosed: (closed) => {
      // the standing the player last saw (a closed ticket's own numbers may already be cleared)
      const view = lastView.current ?? closed;
      setPhase({ name: 'closed' });
      onRoundOverRef.current(
        { nickname, ticketId, roundId },
        { position: view?.position ?? 0, ahead: view?.ahead ?? 0, waiting: view?.waiting ?? 0 },
      );
    },
    onError: (error, transient) => {
      if (!transient) setPhase({ name: 'failed', error });
      else setFailures((n) => n + 1);
    },
    onTransport: (transport) =>
      setPhase((previous) => (previous.name === 'waiting' ? { ...previous, transport } : previous)),
  }));

  const retry = () => {
    autoRetries.current = 0; // the player's own try: a fresh set of automatic retries behind it
    setPhase({ name: 'entering' });
  };

  const maxPosition = phase.name === 'waiting' && highest?.ticketId === phase.view.ticketId ? highest.position : 0;
  return { phase, rateLimited, failures, maxPosition, retry };
}
