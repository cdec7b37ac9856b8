import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { getDebrief } from '../api/progress';
import type { Debrief } from '../api/types';

export type DebriefState =
  | { name: 'loading' }
  | { name: 'ready'; debrief: Debrief }
  /** 404 unknown-debrief: bound to another device's player, erased, or its round's keys gone. */
  | { name: 'missing' }
  | { name: 'failed'; error: ApiError };

/**
 * While the debrief is PENDING it is re-read every second this many times (the confirmation is seconds away), then
 * less and less often, up to every DEBRIEF_POLL_MAX_MS, for as long as it stays PENDING (a MySQL outage can last).
 */
export const DEBRIEF_POLL_MS = 1000;
export const DEBRIEF_POLLS = 30;
export const DEBRIEF_POLL_MAX_MS = 10_000;
/** 429s waited out (Retry-After) before the player is asked. */
const RATE_LIMIT_RETRIES = 3;
/**
 * A player the round closed on asks again after a 404 this often, this many times: booking answers once admission's
 * counter has run to the close, which is up to a tick after it.
 */
export const MISSING_RETRY_MS = 1000;
export const MISSING_RETRIES = 4;

/** The wait before the next read of a PENDING debrief, after `polls` reads of it. */
export function pendingPollMs(polls: number): number {
  if (polls < DEBRIEF_POLLS) return DEBRIEF_POLL_MS;
  return Math.min(DEBRIEF_POLL_MAX_MS, DEBRIEF_POLL_MS * 2 ** (polls - DEBRIEF_POLLS + 1));
}

/**
 * The server's debrief of one attempt: read once, then again while its outcome is PENDING (with a back-off), so the
 * confirmation shows up, or at once on `readNow()` (the result screen saw the booking turn final); a rate limit is
 * waited out; other errors wait for `retry()`.
 */
export function useDebrief(
  roundId: string,
  ticketId: string,
  closedWhileWaiting = false,
): { state: DebriefState; retry(): void; readNow(): void } {
  const [state, setState] = useState<DebriefState>({ name: 'loading' });
  const [attempt, setAttempt] = useState(0);
  /** Reads now instead of at the next poll (while a read is in flight: soon after it, if it still says PENDING). */
  const readNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    let limited = 0;
    let missing = 0;
    let shownPending = false;
    // asked to read now while a read was in flight: if that one still says PENDING, the next comes soon
    let soon = false;
    const again = (ms: number) => {
      timer = setTimeout(() => {
        timer = undefined;
        void load();
      }, ms);
    };
    readNow.current = () => {
      if (timer === undefined) {
        soon = true;
        return;
      }
      clearTimeout(timer);
      timer = undefined;
      void load();
    };
    const load = async () => {
      try {
        const debrief = await getDebrief(roundId, ticketId, aborter.signal);
        if (aborter.signal.aborted) return;
        setState({ name: 'ready', debrief });
        shownPending = debrief.outcome === 'PENDING';
        if (shownPending) again(soon ? DEBRIEF_POLL_MS : pendingPollMs(polls++));
        soon = false;
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const error = asApiError(caught);
        if (error.status === 404 && closedWhileWaiting && missing++ < MISSING_RETRIES) {
          again(MISSING_RETRY_MS);
        } else if (error.status === 404) {
          setState({ name: 'missing' });
        } else if (error.status === 429 && limited++ < RATE_LIMIT_RETRIES) {
          again(Math.min(5, Math.max(1, error.retryAfter ?? 1)) * 1000);
        } else if (shownPending) {
          // a failed re-read of a PENDING debrief (booking busy in an outage): keep it shown and read it again later
          again(Math.max(pendingPollMs(polls++), (error.retryAfter ?? 0) * 1000));
        } else {
          setState({ name: 'failed', error });
        }
      }
    };
    void load();
    return () => {
      aborter.abort();
      readNow.current = () => undefined;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [roundId, ticketId, attempt, closedWhileWaiting]);

  return {
    state,
    readNow: useCallback(() => readNow.current(), []),
    retry: () => {
      setState({ name: 'loading' });
      setAttempt((n) => n + 1);
    },
  };
}
