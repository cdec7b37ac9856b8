import { useEffect, useState } from 'react';
import { getLeaderboard } from '../api/booking';
import type { Leaderboard } from '../api/types';

/**
 * Today's leaderboard, read as the screen shows and again each time `bookingFinal` changes (the player's booking,
 * confirmed, may be on it now). Undefined until the first answer; a failed read is not shown, the last answer stays.
 */
export function useDayLeaders(bookingFinal: boolean): Leaderboard | undefined {
  const [leaders, setLeaders] = useState<Leaderboard | undefined>();
  useEffect(() => {
    const aborter = new AbortController();
    getLeaderboard('day', aborter.signal)
      .then((board) => !aborter.signal.aborted && setLeaders(board))
      .catch(() => undefined);
    return () => aborter.abort();
  }, [bookingFinal]);
  return leaders;
}
