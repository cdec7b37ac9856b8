// SPEC §4: a nickname belongs to the client that entered with it, and that client resumes by sending the ticket id it
// was given. So the id is kept in localStorage (a reload, a closed tab or a crash keep it), per nickname; a ticket id
// starts with its round's id, and only the round of the newest ticket is kept. The booking a ticket was given is kept
// the same way, so that a reload after booking, which resumes the ticket, goes to its result instead of a new letter,
// and so is the furthest back in the queue a ticket has been seen, so that a reload continues the waiting room's
// progress bar (measured from that position) instead of starting it again near 0.

export const TICKETS_KEY = 'tw.tickets';
export const BOOKINGS_KEY = 'tw.bookings';
export const POSITIONS_KEY = 'tw.highestPositions';

/** `20261124T101500Z-q3Yb0Jm4T1uXcN8e2kPZvA` → `20261124T101500Z`. */
export function roundOfTicket(ticketId: string): string {
  const dash = ticketId.indexOf('-');
  return dash < 0 ? '' : ticketId.slice(0, dash);
}

// a Map, not an object: a nickname such as `__proto__` is valid (letters, `_`) and must stay a plain key
function read(key: string): Map<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Map();
    return new Map(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return new Map();
  }
}

/** The ticket this browser was given for `nickname`, to resume with; the server ignores one of an ended round. */
export function storedTicket(nickname: string): string | undefined {
  return read(TICKETS_KEY).get(nickname);
}

/** Keeps `ticketId` for `nickname`, dropping the tickets of other rounds (they can no longer be resumed). */
export function rememberTicket(nickname: string, ticketId: string): void {
  keep(TICKETS_KEY, [nickname, ticketId], ([, ticket]) => roundOfTicket(ticket));
}

/** The booking `ticketId` was given (202) in this browser, if any: the round's one booking for that ticket. */
export function bookingOfTicket(ticketId: string): string | undefined {
  return read(BOOKINGS_KEY).get(ticketId);
}

/** Keeps the booking `ticketId` was given, dropping those of tickets of other rounds. */
export function rememberBooking(ticketId: string, bookingId: string): void {
  keep(BOOKINGS_KEY, [ticketId, bookingId], ([ticket]) => roundOfTicket(ticket));
}

/** The highest queue position `ticketId` has been seen at in this browser (0 when none is kept). */
export function highestPosition(ticketId: string): number {
  const kept = Number(read(POSITIONS_KEY).get(ticketId));
  return Number.isFinite(kept) && kept > 0 ? kept : 0;
}

/**
 * Keeps `position` for `ticketId` if it is higher than the one kept (dropping those of tickets of other rounds), and
 * returns the highest known.
 */
export function rememberHighestPosition(ticketId: string, position: number): number {
  const kept = highestPosition(ticketId);
  if (position <= kept) return kept;
  keep(POSITIONS_KEY, [ticketId, String(position)], ([ticket]) => roundOfTicket(ticket));
  return position;
}

/** Sets `entry` in the map under `key`, keeping only the entries of its round. */
function keep(key: string, entry: [string, string], roundOf: (entry: [string, string]) => string): void {
  const round = roundOf(entry);
  const kept = new Map([...read(key)].filter((kept) => roundOf(kept) === round));
  kept.set(...entry);
  try {
    localStorage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // private mode or a full store: a reload then enters afresh, and another client's nickname stays refused
  }
}
