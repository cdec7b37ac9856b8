// SPEC §4: a nickname belongs to the client that entered with it, and that client resumes by sending the ticket id it
// was given. So the id is kept in localStorage (a reload, a closed tab or a crash keep it), per nickname; a ticket id
// starts with its round's id, and only the round of the newest ticket is kept.

export const TICKETS_KEY = 'tw.tickets';

/** `20261124T101500Z-q3Yb0Jm4T1uXcN8e2kPZvA` → `20261124T101500Z`. */
export function roundOfTicket(ticketId: string): string {
  const dash = ticketId.indexOf('-');
  return dash < 0 ? '' : ticketId.slice(0, dash);
}

// a Map, not an object: a nickname such as `__proto__` is valid (letters, `_`) and must stay a plain key
function read(): Map<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(TICKETS_KEY) ?? '{}');
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
  return read().get(nickname);
}

/** Keeps `ticketId` for `nickname`, dropping the tickets of other rounds (they can no longer be resumed). */
export function rememberTicket(nickname: string, ticketId: string): void {
  const round = roundOfTicket(ticketId);
  const kept = new Map([...read()].filter(([, id]) => roundOfTicket(id) === round));
  kept.set(nickname, ticketId);
  try {
    localStorage.setItem(TICKETS_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // private mode or a full store: a reload then enters afresh, and another client's nickname stays refused
  }
}
