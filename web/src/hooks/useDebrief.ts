import { useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { getDebrief } from '../api/progress';
import type { Debrief } from '../api/types';

export type DebriefState =
  | { name: 'loading' }
  | { name: 'ready'; debrief: Debrief }
  /** 404 unknown-debrief: bound to another device's player, erased, or its round's keys gone. */
  | { name: 'missing' }
  | { name: 'failed'; error: ApiError };

/** While the booking is PENDING the debrief is re-read this often, this many times (the confirmation is seconds away). */
export const DEBRIEF_POLL_MS = 1000;
export const DEBRIEF_POLLS = 30;
/** 429s waited out (Retry-After) before the player is asked. */
const RATE_LIMIT_RETRIES = 3;
/**
 * A player the round closed on asks again after a 404 this often, this many times: booking answers once admission's
 * counter has run to the close, which is up to a tick after it.
 */
export const MISSING_RETRY_MS = 1000;
export const MISSING_RETRIES = 4;

/**
 * The server's debrief of one attempt: read once, then again while its outcome is PENDING (briefly), so the
 * confirmation shows up; a rate limit is waited out; other errors wait for `retry()`.
 */
export function useDebrief(
  roundId: string,
  ticketId: string,
  closedWhileWaiting = false,
): { state: DebriefState; retry(): void } {
  const [state, setState] = useState<DebriefState>({ name: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    let limited = 0;
    let missing = 0;
    const again = (ms: number) => {
      timer = setTimeout(() => void load(), ms);
    };
    const load = async () => {
      try {
        const debrief = await getDebrief(roundId, ticketId, aborter.signal);
        if (aborter.signal.aborted) return;
        setState({ name: 'ready', debrief });
        if (debrief.outcome === 'PENDING' && ++polls < DEBRIEF_POLLS) again(DEBRIEF_POLL_MS);
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const error = asApiError(caught);
        if (error.status === 404 && closedWhileWaiting && missing++ < MISSING_RETRIES) {
          again(MISSING_RETRY_MS);
        } else if (error.status === 404) {
          setState({ name: 'missing' });
        } else if (error.status === 429 && limited++ < RATE_LIMIT_RETRIES) {
          again(Math.min(5, Math.max(1, error.retryAfter ?? 1)) * 1000);
        } else {
          // keep a debrief already shown (a failed re-read of a PENDING one is no reason to hide it)
          setState((previous) => (previous.name === 'ready' ? previous : { name: 'failed', error }));
        }
      }
    };
    void load();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [roundId, ticketId, attempt, closedWhileWaiting]);

  return {
    state,
    retry: () => {
      setState({ name: 'loading' });
      setAttempt((n) => n + 1);
    },
  };
}
