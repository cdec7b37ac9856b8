import { useEffect } from 'react';
import { openWindowMs, parseRoundId } from '../lib/clock';
import { useServerClock } from './serverClock';
import { useLatest } from './useLatest';

/** How often the close is looked at again when it is far (the clock may re-sync) or the player is mid-request. */
const RECHECK_MS = 1000;

/**
 * Calls `onEnd` once `roundId` has closed by the server's clock (`afterMs` later, if given). The seat map stays
 * readable after the close (it is public then), so nothing else would tell a player who is only looking at it. `onEnd`
 * returns false when now is not the moment (a hold or booking in flight: the server's answer ends the round instead)
 * and is asked again shortly.
 */
export function useRoundEnd(roundId: string, onEnd: () => boolean, afterMs = 0): void {
  const clock = useServerClock();
  const clockRef = useLatest(clock);
  const onEndRef = useLatest(onEnd);
  useEffect(() => {
    const opensAt = parseRoundId(roundId);
    if (opensAt === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const { timing, now } = clockRef.current;
      const left = opensAt + openWindowMs(timing) + afterMs - now();
      if (left <= 0 && onEndRef.current()) return;
      timer = setTimeout(check, left > 0 ? Math.min(left, RECHECK_MS) : RECHECK_MS);
    };
    check();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [roundId, afterMs, clockRef, onEndRef]);
}
