import { useEffect, useRef } from 'react';
import { roundTimeCue, type CueTarget } from '../lib/announce';
import { useServerClock, useServerNow } from './serverClock';
import { useAnnouncer } from './useAnnouncer';
import { useLatest } from './useLatest';

/**
 * Tells screen readers the time left at a few moments of the round being played (`roundTimeCue`: 10 s before the
 * open, the open, 10 s and 5 s before the close), each once. The countdowns on screen are no live regions, as a number
 * read out every second would drown everything else; without this a player who cannot see them never learns the time.
 * Used on the drill's steps of a round in progress only (waiting room, letter, seats), beside the deadline they show;
 * `inQueue` on the waiting room's.
 */
export function useRoundTimeCues({ roundId, notBefore }: CueTarget, inQueue: boolean) {
  const { timing } = useServerClock();
  const now = useServerNow(250);
  const { announce, quiet } = useAnnouncer();
  const cue = roundTimeCue(now, timing, { roundId, notBefore });
  const cueRef = useLatest(cue);
  /** The cue said last (the steps share this hook's instance: a cue said in the waiting room is not said again). */
  const said = useRef<string | undefined>(undefined);
  const id = cue?.id;
  // a cue due while the letter's audio plays waits for its end, then says the time left as it is by then
  useEffect(() => {
    const current = cueRef.current;
    if (!current || quiet || said.current === current.id) return;
    if (current.after !== undefined && said.current !== current.after) return;
    said.current = current.id;
    // "open!" is for the waiting room: a player admitted at once has just heard the admission instead
    if (current.message.key === 'wait.open' && !inQueue) return;
    announce(current.message);
  }, [id, quiet, inQueue, cueRef, announce]);
}
