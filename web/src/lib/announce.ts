// What a screen reader is told of the waiting room's standing (aria-live="polite"): the standing changes up to 4 times
// a second, and reading each change out would talk over everything else the player wants to hear. So a new place in
// the queue is said at most every ANNOUNCE_EVERY_MS, sooner (but not back to back) when it is a big change.

/** The least time between two announcements of the place in the queue. */
export const ANNOUNCE_EVERY_MS = 10_000;
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
