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
 * The round's seat map with live status: re-fetched every second while `live`, one request at a time. A problem that
 * ends the round (closed, token expired) goes to `onRoundOver`, and the refreshes stop.
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
    const load = async () => {
      if (inflight) {
        again = true;
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
  }, [token, roundId, live, onRoundOverRef]);

  const refresh = useCallback(() => refreshNow.current(), []);
  return { map, stale, refresh };
}
