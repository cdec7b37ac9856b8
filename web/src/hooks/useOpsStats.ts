import { useEffect, useState } from 'react';
import { getResults } from '../api/booking';
import { asApiError, type ApiError } from '../api/http';
import { getAdminStats } from '../api/ops';
import type { AdminStats } from '../api/types';
import { num, toEpochMs } from '../api/wire';
import { statsRound } from '../lib/opsRound';
import { addSold, addStats, emptySeries, type OpsSeries } from '../lib/opsSeries';
import { useServerClock } from './serverClock';
import { useLatest } from './useLatest';

const STATS_POLL_MS = 1000;
/** The longest a Retry-After (a lockout, a 503) holds the next poll back. */
const MOST_WAIT_MS = 60_000;

export interface OpsStats {
  /** The last answer of GET /api/v1/admin/stats. */
  stats: AdminStats | undefined;
  /** The charts' series, grown by every poll. */
  series: OpsSeries;
  error: ApiError | undefined;
  /**
   * The round's results (confirmed bookings: rows in MySQL) did not answer at the last poll, so the confirmed charts
   * have no new point: stale, not zero.
   */
  confirmedStale: boolean;
  /** Why the last read of the results failed (booking not answering, or MySQL behind it), while `confirmedStale`. */
  confirmedError: ApiError | undefined;
}

/**
 * The admin stats polled every second, one request at a time, and the live series built from them; confirmed bookings
 * come from the round's results (booking's MySQL rows), polled with them. `unauthorized` is offered every problem
 * first and returns true if it was a 401 it dealt with (then polling stops).
 */
export function useOpsStats(token: string, unauthorized: (error: ApiError) => boolean): OpsStats {
  const clockRef = useLatest(useServerClock());
  const unauthorizedRef = useLatest(unauthorized);
  const [stats, setStats] = useState<AdminStats | undefined>();
  const [series, setSeries] = useState<OpsSeries>(emptySeries);
  const [error, setError] = useState<ApiError | undefined>();
  const [confirmedError, setConfirmedError] = useState<ApiError | undefined>();

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let waitMs = STATS_POLL_MS;
      try {
        const next = await getAdminStats(token, aborter.signal);
        if (aborter.signal.aborted) return;
        const at = toEpochMs(next.serverTime) ?? clockRef.current.now();
        setStats(next);
        setError(undefined);
        const round = statsRound(next, clockRef.current.timing);
        setSeries((previous) => addStats(previous, at, next, round?.closesAt));
        const roundId = next.current?.roundId ?? next.currentRoundId;
        // confirmed bookings/s and the confirmed curve from the round's results, unless the stats carry bookings
        if (roundId && typeof next.current?.booked !== 'number') {
          try {
            const results = await getResults(roundId, aborter.signal);
            if (!aborter.signal.aborted) {
              setSeries((previous) =>
                addSold(previous, at, roundId, round?.opensAt, num(results.seats?.sold), results.histogram?.buckets),
              );
              setConfirmedError(undefined);
            }
          } catch (caught) {
            // booking or its MySQL down: no point (not a zero), said beside the charts; the admission charts go on
            if (!aborter.signal.aborted) setConfirmedError(asApiError(caught));
          }
        } else {
          setConfirmedError(undefined);
        }
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const problem = asApiError(caught);
        if (unauthorizedRef.current(problem)) return;
        setError(problem);
        // a lockout (429) or a 503 says when to come back: asking sooner is refused again
        if (problem.retryAfter !== undefined)
          waitMs = Math.min(MOST_WAIT_MS, Math.max(STATS_POLL_MS, problem.retryAfter * 1000));
      }
      if (!aborter.signal.aborted) timer = setTimeout(() => void poll(), waitMs);
    };
    void poll();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [token, clockRef, unauthorizedRef]);

  return { stats, series, error, confirmedStale: confirmedError !== undefined, confirmedError };
}
