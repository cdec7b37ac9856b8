import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { getConfirmations } from '../api/ops';
import type { ConfirmationBacklog } from '../api/types';
import { num } from '../api/wire';
import { lockoutMs, tokenRefused } from '../lib/opsProblems';
import { addBacklog, emptyBacklog, type BacklogSeries } from '../lib/opsSeries';
import { useServerClock } from './serverClock';
import { useLatest } from './useLatest';

const POLL_MS = 2000;
/** The longest a Retry-After holds the next poll back: ops want to see the queue as soon as it answers again. */
const MOST_WAIT_MS = 10_000;

export interface Confirmations {
  /** The last answer of GET /api/v1/confirmations, kept while later polls fail. */
  backlog: ConfirmationBacklog | undefined;
  /** The chart's series, grown by every answer. */
  series: BacklogSeries;
  /** The last poll's problem, undefined once a poll answers again. */
  error: ApiError | undefined;
  /** Polls again after a refused token, which stops the polling; undefined while it goes on. */
  retry: (() => void) | undefined;
}

/**
 * The confirmations on their way to MySQL, polled every 2 s, one request at a time, and their series. A failed poll is
 * only shown: booking may be down for a while, and only admission's answer signs the console out. A refused token
 * (401, 403) stops the polling until `retry`: each refusal counts in the failed-sign-in budget the three services
 * share, so a poll every 2 s would lock the address out of admission's console too. A lockout (429) is waited out.
 */
export function useConfirmations(token: string): Confirmations {
  const clockRef = useLatest(useServerClock());
  const [backlog, setBacklog] = useState<ConfirmationBacklog | undefined>();
  const [series, setSeries] = useState<BacklogSeries>(emptyBacklog);
  const [error, setError] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);
  /** The token and attempt whose polling a refused token stopped. */
  const [stoppedAt, setStoppedAt] = useState<{ token: string; attempt: number }>();

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let waitMs = POLL_MS;
      try {
        const answer = await getConfirmations(token, aborter.signal);
        if (aborter.signal.aborted) return;
        const next: ConfirmationBacklog = {
          waiting: num(answer?.waiting),
          inFlight: num(answer?.inFlight),
          deadLetters: num(answer?.deadLetters),
          mysqlFailingSince: typeof answer?.mysqlFailingSince === 'string' ? answer.mysqlFailingSince : null,
        };
        setBacklog(next);
        setError(undefined);
        setSeries((previous) => addBacklog(previous, clockRef.current.now(), next));
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const problem = asApiError(caught);
        setError(problem);
        if (tokenRefused(problem)) {
          setStoppedAt({ token, attempt });
          return;
        }
        const lockout = lockoutMs(problem);
        if (lockout !== undefined) waitMs = Math.max(POLL_MS, lockout);
        // a 503 says when to come back (SQS not answering): no sooner than that, no later than MOST_WAIT_MS
        else if (problem.retryAfter !== undefined)
          waitMs = Math.min(MOST_WAIT_MS, Math.max(POLL_MS, problem.retryAfter * 1000));
      }
      if (!aborter.signal.aborted) timer = setTimeout(() => void poll(), waitMs);
    };
    void poll();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [token, clockRef, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const stopped = stoppedAt?.token === token && stoppedAt.attempt === attempt;
  return { backlog, series, error, retry: stopped ? retry : undefined };
}
