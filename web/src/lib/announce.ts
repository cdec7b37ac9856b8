// What a screen reader is told in passing (the app's one polite live region, `hooks/useAnnouncer.tsx`): the waiting
// room's standing, and the time left in the round. The standing changes up to 4 times a second, and reading each change
// out would talk over everything else the player wants to hear. So a new place in the queue is said at most every
// ANNOUNCE_EVERY_MS (a few times in a round open for 15 s), sooner (but not back to back) when it is a big change. The
// time left is said at a few moments only (`roundTimeCue`), the countdowns on screen being no live regions.
import type { Message } from '../i18n/i18n';
import { closesAtOf, parseRoundId, roundAt, secondsUntil, type RoundTiming } from './clock';

/** The least time between two announcements of the place in the queue. */
export const ANNOUNCE_EVERY_MS = 5_000;
/** The least time between two announcements when the place changed a lot (halved since it was last said). */
export const ANNOUNCE_BIG_CHANGE_MS = 2_000;

/** The place last said, and when (ms, any clock that `now` is on too). */
export interface Announced {
  position: number;
  at: number;
}

/** Whether `position` is worth saying now, after `last` was said. */
export function worthAnnouncing(last: Announced | undefined, position: number, now: number): boolean {
  if (!last) return true;
  if (position === last.position) return false; // a heartbeat, or the crowd behind moving: nothing new for the player
  const since = now - last.at;
  if (since >= ANNOUNCE_EVERY_MS) return true;
  return since >= ANNOUNCE_BIG_CHANGE_MS && position <= last.position / 2;
}

/**
 * How long before the close the place in the queue is no longer said: the 5 s cue says the time, and a place said over
 * it ("…마감까지 2초") is out of date as it is heard.
 */
export const STANDING_QUIET_BEFORE_CLOSE_MS = 5_000;

/**
 * The waiting room's standing as said: the place, the people ahead, and the seconds left to the close if known; none
 * in the round's last `STANDING_QUIET_BEFORE_CLOSE_MS`.
 */
export function standingMessage(position: number, ahead: number, closesAt: number, now: number): Message | undefined {
  if (!Number.isFinite(closesAt) || now >= closesAt) return { key: 'wait.announce', params: { p: position, a: ahead } };
  if (closesAt - now < STANDING_QUIET_BEFORE_CLOSE_MS) return undefined;
  return { key: 'wait.announceClose', params: { p: position, a: ahead, s: secondsUntil(closesAt, now) } };
}

/** Seconds before the open, and before the close, at which the time left is said. */
export const OPENS_CUE_S = 10;
export const CLOSES_CUES_S = [10, 5] as const;
/** How long after the open "open" is still worth saying (a screen a moment late to see it). */
export const OPEN_CUE_MS = 3_000;

/** A moment in a round worth saying: `id` names it, so that it is said once (`useRoundTimeCues`). */
export interface TimeCue {
  id: string;
  message: Message;
  /**
   * The cue that must have been said before this one: the open is said to a player told it was coming, not to one who
   * arrives a moment after it (entering at once, nothing to wait for).
   */
  after?: string;
}

/** The round a drill screen plays in: its ticket's (`roundId`), else the one it waits for or is entering. */
export interface CueTarget {
  roundId?: string | undefined;
  /** The waiting room's first entry waits for this open (another round after the one played). */
  notBefore?: number | undefined;
}

/**
 * The moment in the round worth saying at `now`, if any: 10 s before the open, the open, 10 s and 5 s before the close
 * (each cue lasts until the next, so a screen that shows up in between still says the latest with its true seconds).
 */
export function roundTimeCue(now: number, timing: RoundTiming, target: CueTarget): TimeCue | undefined {
  let opensAt: number;
  let closesAt: number;
  if (target.roundId !== undefined) {
    const start = parseRoundId(target.roundId);
    if (start === undefined) return undefined;
    opensAt = start;
    closesAt = closesAtOf(target.roundId, timing);
  } else if (target.notBefore !== undefined && now < target.notBefore) {
    opensAt = target.notBefore;
    closesAt = roundAt(target.notBefore, timing).closesAt;
  } else {
    const round = roundAt(now, timing);
    opensAt = round.phase === 'OPEN' ? round.opensAt : round.nextOpensAt;
    closesAt = round.phase === 'OPEN' ? round.closesAt : round.nextOpensAt + (round.closesAt - round.opensAt);
  }
  const round = String(opensAt);
  if (now < opensAt) {
    const s = secondsUntil(opensAt, now);
    return s <= OPENS_CUE_S ? { id: `${round}:opens`, message: { key: 'common.opensIn', params: { s } } } : undefined;
  }
  if (now >= closesAt) return undefined;
  const left = secondsUntil(closesAt, now);
  const cue = [...CLOSES_CUES_S].reverse().find((at) => left <= at);
  if (cue !== undefined) {
    return { id: `${round}:closes${cue}`, message: { key: 'common.closesIn', params: { s: left } } };
  }
  if (now - opensAt < OPEN_CUE_MS) {
    return { id: `${round}:open`, message: { key: 'wait.open' }, after: `${round}:opens` };
  }
  return undefined;
}
