import { useEffect, useState } from 'react';
import { getResults } from '../api/booking';
import { asApiError, type ApiError } from '../api/http';
import { getAdminStats } from '../api/ops';
import type { AdminStats } from '../api/types';
import { num, toEpochMs } from '../api/wire';
import { parseRoundId } from '../lib/clock';
import { addSold, addStats, emptySeries, type OpsSeries } from '../lib/opsSeries';
import { useServerClock } from './serverClock';
import { useLatest } from './useLatest';

const STATS_POLL_MS = 1000;

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
  const [confirmedStale, setConfirmedStale] = useState(false);

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await getAdminStats(token, aborter.signal);
        if (aborter.signal.aborted) return;
        const at = toEpochMs(next.serverTime) ?? clockRef.current.now();
        setStats(next);
        setError(undefined);
        setSeries((previous) => addStats(previous, at, next));
        const roundId = next.current?.roundId ?? next.currentRoundId;
        // confirmed bookings/s and the confirmed curve from the round's results, unless the stats carry bookings
        if (roundId && typeof next.current?.booked !== 'number') {
          try {
            const results = await getResults(roundId, aborter.signal);
            if (!aborter.signal.aborted) {
              const opensAt = toEpochMs(next.current?.opensAt) ?? parseRoundId(roundId);
              setSeries((previous) => addSold(previous, at, roundId, opensAt, num(results.seats?.sold)));
              setConfirmedStale(false);
            }
          } catch {
            // booking or its MySQL down: no point (not a zero), said beside the charts; the admission charts go on
            if (!aborter.signal.aborted) setConfirmedStale(true);
          }
        } else {
          setConfirmedStale(false);
        }
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const problem = asApiError(caught);
        if (unauthorizedRef.current(problem)) return;
        setError(problem);
      }
      if (!aborter.signal.aborted) timer = setTimeout(() => void poll(), STATS_POLL_MS);
    };
    void poll();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [token, clockRef, unauthorizedRef]);

  return { stats, series, error, confirmedStale };
}
