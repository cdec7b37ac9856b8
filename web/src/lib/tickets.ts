// SPEC §4: a nickname belongs to the client that entered with it, and that client resumes by sending the ticket id it
// was given. So the id is kept in localStorage (a reload, a closed tab or a crash keep it), per nickname; a ticket id
// starts with its round's id, and only the round of the newest ticket is kept. The booking a ticket was given is kept
// the same way, so that a reload after booking, which resumes the ticket, goes to its result instead of a new letter;
// so is a solved security letter, so that a reload on the seat map goes back to the seat map (the server counts the
// letter as solved for the ticket; should it not, a hold answers 428 and the letter is asked for again); and so is the furthest back in the queue a ticket has been seen, so that a reload continues the waiting room's
// progress bar (measured from that position) instead of starting it again near 0. A live hold is kept too, with the
// seat and the booking's Idempotency-Key: the server still holds that seat for the ticket after a reload, and the map
// would otherwise show the player's own seat as somebody else's (HELD, not to be picked) until the hold lapsed.
// An entry whose answer is lost (a 503 after Redis made the ticket, a dropped connection) leaves no ticket id to resume
// with, so every entry also sends the nickname's entry key: a secret this browser makes once per nickname and round and
// keeps beside its tickets. An entry again with the same key in the same round is answered with the ticket the lost one
// made, instead of 409 nickname-taken for the player's own nickname.

import type { Hold, Seat } from '../api/types';

export const TICKETS_KEY = 'tw.tickets';
export const BOOKINGS_KEY = 'tw.bookings';
export const POSITIONS_KEY = 'tw.highestPositions';
export const ENTRY_KEYS_KEY = 'tw.entryKeys';
export const LETTERS_KEY = 'tw.solvedLetters';
export const HOLDS_KEY = 'tw.holds';

/** What the server takes as an entry key: 22–64 characters of base64url. */
const ENTRY_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** Entry keys kept, the newest nicknames' (a device enters with a few; an older one's key is made again if needed). */
const ENTRY_KEYS_KEPT = 32;
/** Entry keys made while localStorage refuses to keep them: the retries of this page still send the same one. */
const unkeptEntryKeys = new Map<string, string>();

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

/** Every ticket kept, as `[nickname, ticketId]`, oldest first (all of one round: the newest ticket's). */
export function storedTickets(): [string, string][] {
  return [...read(TICKETS_KEY)];
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

/** Whether `ticketId` solved its security letter in this browser: resuming it goes to the seat map. */
export function letterSolvedOfTicket(ticketId: string): boolean {
  return read(LETTERS_KEY).has(ticketId);
}

/**
 * Keeps that `ticketId` solved its security letter (`solved`), dropping those of tickets of other rounds, or forgets it
 * (the server asked for the letter again).
 */
export function rememberLetterSolved(ticketId: string, solved = true): void {
  if (solved) {
    keep(LETTERS_KEY, [ticketId, 'solved'], ([ticket]) => roundOfTicket(ticket));
    return;
  }
  const kept = read(LETTERS_KEY);
  if (kept.delete(ticketId)) write(LETTERS_KEY, kept);
}

/** A hold this browser was given for a ticket: the seat, the hold (its id, its end) and the key its booking is sent with. */
export interface KeptHold {
  seat: Seat;
  hold: Hold;
  idempotencyKey: string;
}

/**
 * The live hold `ticketId` was given in this browser, if one is kept (whether it has run out is the caller's to judge,
 * by the server's clock); anything not in the kept shape is no hold.
 */
export function holdOfTicket(ticketId: string): KeptHold | undefined {
  const stored = read(HOLDS_KEY).get(ticketId);
  if (stored === undefined) return undefined;
  try {
    const kept = JSON.parse(stored) as Partial<KeptHold> | null;
    const seat = kept?.seat;
    const hold = kept?.hold;
    const valid =
      typeof kept?.idempotencyKey === 'string' &&
      typeof seat?.id === 'string' &&
      typeof seat.row === 'string' &&
      typeof seat.number === 'number' &&
      typeof seat.grade === 'string' &&
      typeof hold?.holdId === 'string' &&
      hold.seatId === seat.id &&
      (typeof hold.expiresAt === 'string' || typeof hold.expiresAt === 'number');
    return valid ? (kept as KeptHold) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the hold `ticketId` was just given (one per ticket, as the server has it: a new hold replaces the last),
 * dropping those of tickets of other rounds; `undefined` forgets it (released, lapsed, booked, refused).
 */
export function rememberHold(ticketId: string, kept: KeptHold | undefined): void {
  if (kept) {
    keep(HOLDS_KEY, [ticketId, JSON.stringify(kept)], ([ticket]) => roundOfTicket(ticket));
    return;
  }
  const holds = read(HOLDS_KEY);
  if (holds.delete(ticketId)) write(HOLDS_KEY, holds);
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

/**
 * The secret this browser enters `nickname` with in round `roundId`: made once per nickname and round (32 random
 * bytes, base64url, 43 characters) and the same on every later call in that round, so that an entry tried again after
 * its answer was lost resumes the ticket it made. A new round gets a new key: a key that leaked (a shared computer, a
 * saved request) opens no later round's ticket. Kept as `<roundId>.<key>`; without localStorage it lasts as long as the
 * page.
 */
export function entryKey(nickname: string, roundId: string): string {
  const keys = read(ENTRY_KEYS_KEY);
  const kept = [keys.get(nickname), unkeptEntryKeys.get(nickname)]
    .map((stored) => keyOfRound(stored, roundId))
    .find((key): key is string => key !== undefined);
  const key = kept ?? newEntryKey();
  const stored = `${roundId}.${key}`;
  // the key just used goes last, as the newest, so the nicknames played most recently keep theirs
  keys.delete(nickname);
  keys.set(nickname, stored);
  const newest = [...keys].slice(-ENTRY_KEYS_KEPT);
  if (!write(ENTRY_KEYS_KEY, new Map(newest))) unkeptEntryKeys.set(nickname, stored);
  return key;
}

/** The key of a stored `<roundId>.<key>` if it is `roundId`'s and well formed; undefined otherwise. */
function keyOfRound(stored: string | undefined, roundId: string): string | undefined {
  if (stored === undefined || !stored.startsWith(`${roundId}.`)) return undefined;
  const key = stored.slice(roundId.length + 1);
  return ENTRY_KEY_PATTERN.test(key) ? key : undefined;
}

function newEntryKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Sets `entry` in the map under `key`, keeping only the entries of its round. */
function keep(key: string, entry: [string, string], roundOf: (entry: [string, string]) => string): void {
  const round = roundOf(entry);
  const kept = new Map([...read(key)].filter((kept) => roundOf(kept) === round));
  kept.set(...entry);
  write(key, kept);
}

/** Stores `map` under `key`; false when localStorage refuses it. */
function write(key: string, map: Map<string, string>): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(Object.fromEntries(map)));
    return true;
  } catch {
    // private mode or a full store: a reload then enters afresh, and another client's nickname stays refused
    return false;
  }
}
