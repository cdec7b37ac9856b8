import { useCallback, useEffect, useRef, useState } from 'react';
import { getSeats } from '../api/booking';
import { asApiError, type ApiError } from '../api/http';
import type { SeatMapResponse } from '../api/types';
import { endsRound } from '../lib/problems';
import type { Session } from '../lib/session';
import { useLatest } from './useLatest';

const REFRESH_MS = 1000;
/** Failed refreshes in a row before the map is marked as possibly out of date. */
const STALE_AFTER = 3;

export interface LiveSeatMap {
  map: SeatMapResponse | undefined;
  /** The last refreshes failed: what is shown may be out of date. */
  stale: boolean;
  /** Reloads now rather than at the next tick; a reload asked for while one is in flight runs right after it. */
  refresh(): void;
}

/**
 * The round's seat map with live status: re-fetched every second while `live`, one request at a time. A refused
 * refresh's Retry-After (429, 503) is waited out before the next one, `refresh()` included. A problem that ends the
 * round (closed, token expired) goes to `onRoundOver`, and the refreshes stop.
 */
export function useLiveSeatMap(
  session: Pick<Session, 'token' | 'roundId'>,
  live: boolean,
  onRoundOver: (problem: ApiError) => void,
): LiveSeatMap {
  const { token, roundId } = session;
  const [map, setMap] = useState<SeatMapResponse | undefined>();
  const [stale, setStale] = useState(false);
  const refreshNow = useRef<() => void>(() => undefined);
  const onRoundOverRef = useLatest(onRoundOver);

  useEffect(() => {
    if (!live) return;
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let inflight = false;
    let again = false;
    /** Device time before which no refresh is sent: a Retry-After being waited out. */
    let notBefore = 0;
    const load = async () => {
      if (inflight) {
        again = true;
        return;
      }
      const wait = notBefore - Date.now();
      if (wait > 0) {
        // a Retry-After is being waited out: the next load is when it is over, not now
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => void load(), wait);
        return;
      }
      inflight = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      try {
        const next = await getSeats(token, roundId, aborter.signal);
        if (aborter.signal.aborted) return;
        failures = 0;
        setStale(false);
        setMap(next);
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const problem = asApiError(caught);
        if (endsRound(problem)) {
          onRoundOverRef.current(problem);
          return;
        }
        failures += 1;
        if (failures >= STALE_AFTER) setStale(true);
        if (problem.retryAfter) notBefore = Date.now() + problem.retryAfter * 1000;
      } finally {
        inflight = false;
      }
      if (aborter.signal.aborted) return;
      const delay = Math.max(again ? 0 : REFRESH_MS, notBefore - Date.now());
      again = false;
      if (delay <= 0) void load();
      else timer = setTimeout(() => void load(), delay);
    };
    refreshNow.current = () => void load();
    void load();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
      refreshNow.current = () => undefined;
    };
  }, [token, roundId, live, onRoundOverRef]);

  const refresh = useCallback(() => refreshNow.current(), []);
  return { map, stale, refresh };
}
