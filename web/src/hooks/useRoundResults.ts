import { useEffect, useState } from 'react';
import { getResults } from '../api/booking';
import type { RoundResults } from '../api/types';
import { closesAtOf } from '../lib/clock';
import { settledCounts } from '../lib/results';
import { useServerClock } from './serverClock';
import { useLatest } from './useLatest';

/** How often the results are read while they can still change. */
export const RESULTS_POLL_MS = 2000;
/**
 * How long after the close the results still move: they count confirmed bookings, and those accepted in the round's
 * last moments are confirmed a moment after it (the rank settles by the same moment).
 */
export const RESULTS_SETTLE_AFTER_CLOSE_MS = 5000;
/**
 * Reads stop this long after that moment even if the counts still move (confirmations held up by a MySQL outage): the
 * histogram is a bonus beside the player's own result, not worth a poll for as long as an outage lasts.
 */
export const RESULTS_READ_AFTER_SETTLE_MS = 30_000;

export interface RoundResultsState {
  /** The last answer; undefined until the first arrives (a failed read is not shown: the histogram is a bonus). */
  results: RoundResults | undefined;
  /** Read after the round closed and settled, and the same twice in a row: no more reads, nothing more to come. */
  final: boolean;
}

/**
 * The round's results, read every RESULTS_POLL_MS while the round runs and until they are final: two reads in a row,
 * both sent once the close has settled, counting the same bookings, or one read sent after the reading window (a
 * screen opened late). A round nobody booked in is final at 0 too.
 */
export function useRoundResults(roundId: string): RoundResultsState {
  const clockRef = useLatest(useServerClock());
  const [state, setState] = useState<RoundResultsState & { roundId: string }>({
    roundId,
    results: undefined,
    final: false,
  });

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The counts of the last read sent after the close settled (undefined before one, or after a failed read). */
    let previous: string | undefined;
    const load = async () => {
      const sentAt = clockRef.current.now();
      let seen: string | undefined;
      try {
        const next = await getResults(roundId, aborter.signal);
        if (aborter.signal.aborted) return;
        seen = settledCounts(next);
        // a read sent once the reading window has passed is final by itself: no second read would follow it
        const final =
          (sentAt >= settleAt() && seen === previous) || sentAt >= settleAt() + RESULTS_READ_AFTER_SETTLE_MS;
        setState({ roundId, results: next, final });
        if (final) return;
      } catch {
        if (aborter.signal.aborted) return;
      }
      previous = sentAt >= settleAt() ? seen : undefined;
      if (clockRef.current.now() < settleAt() + RESULTS_READ_AFTER_SETTLE_MS)
        timer = setTimeout(() => void load(), RESULTS_POLL_MS);
    };
    // by the clock's latest timing: a sync after the first read may bring the server's open window
    const settleAt = () => closesAtOf(roundId, clockRef.current.timing) + RESULTS_SETTLE_AFTER_CLOSE_MS;
    void load();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [roundId, clockRef]);

  // another round's results are not this one's
  return state.roundId === roundId ? state : { results: undefined, final: false };
}
