import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ENTRY_KEYS_KEY,
  HOLDS_KEY,
  POSITIONS_KEY,
  TICKETS_KEY,
  bookingOfTicket,
  entryKey,
  highestPosition,
  holdOfTicket,
  letterSolvedOfTicket,
  rememberBooking,
  rememberHighestPosition,
  rememberHold,
  rememberLetterSolved,
  rememberTicket,
  roundOfTicket,
  storedTicket,
} from './tickets';

const R1 = '20261124T101500Z';
const R2 = '20261124T101600Z';
const ticket = (round: string, tail: string) => `${round}-${tail.padEnd(22, 'x')}`;
/** 32 random bytes in base64url without padding. */
const ENTRY_KEY = /^[A-Za-z0-9_-]{43}$/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('tickets', () => {
  it('keeps the ticket of each nickname of the round', () => {
    rememberTicket('티켓왕', ticket(R1, 'a'));
    rememberTicket('speed-runner', ticket(R1, 'b'));
    expect(storedTicket('티켓왕')).toBe(ticket(R1, 'a'));
    expect(storedTicket('speed-runner')).toBe(ticket(R1, 'b'));
    expect(storedTicket('stranger')).toBeUndefined();
  });

  it('drops the tickets of earlier rounds when a new one is kept', () => {
    rememberTicket('티켓왕', ticket(R1, 'a'));
    rememberTicket('speed-runner', ticket(R1, 'b'));
    rememberTicket('티켓왕', ticket(R2, 'c'));
    expect(storedTicket('티켓왕')).toBe(ticket(R2, 'c'));
    expect(storedTicket('speed-runner')).toBeUndefined();
  });

  it('remembers a solved letter per ticket, forgets it when asked again, and keeps only the newest round', () => {
    rememberLetterSolved(ticket(R1, 'a'));
    rememberLetterSolved(ticket(R1, 'b'));
    expect(letterSolvedOfTicket(ticket(R1, 'a'))).toBe(true);
    expect(letterSolvedOfTicket(ticket(R1, 'c'))).toBe(false);
    rememberLetterSolved(ticket(R1, 'a'), false);
    expect(letterSolvedOfTicket(ticket(R1, 'a'))).toBe(false);
    expect(letterSolvedOfTicket(ticket(R1, 'b'))).toBe(true);
    rememberLetterSolved(ticket(R2, 'd'));
    expect(letterSolvedOfTicket(ticket(R1, 'b'))).toBe(false);
    expect(letterSolvedOfTicket(ticket(R2, 'd'))).toBe(true);
  });

  it('keeps the live hold of each ticket, forgets it when told, and keeps only the newest round', () => {
    const kept = (holdId: string) => ({
      seat: { id: 'J-5', row: 'J', number: 5, grade: 'S' as const, status: 'AVAILABLE' as const },
      hold: { holdId, seatId: 'J-5', expiresAt: '2026-11-24T10:15:15Z' },
      idempotencyKey: `key-${holdId}`,
    });
    rememberHold(ticket(R1, 'a'), kept('h1'));
    rememberHold(ticket(R1, 'b'), kept('h2'));
    expect(holdOfTicket(ticket(R1, 'a'))).toEqual(kept('h1'));
    rememberHold(ticket(R1, 'a'), kept('h3')); // one hold per ticket: a new one replaces it
    expect(holdOfTicket(ticket(R1, 'a'))).toEqual(kept('h3'));
    rememberHold(ticket(R1, 'a'), undefined);
    expect(holdOfTicket(ticket(R1, 'a'))).toBeUndefined();
    expect(holdOfTicket(ticket(R1, 'b'))).toEqual(kept('h2'));
    rememberHold(ticket(R2, 'c'), kept('h4'));
    expect(holdOfTicket(ticket(R1, 'b'))).toBeUndefined();
    expect(holdOfTicket(ticket(R2, 'c'))).toEqual(kept('h4'));
  });

  it('takes a kept hold not in the kept shape as none', () => {
    localStorage.setItem(
      HOLDS_KEY,
      JSON.stringify({
        [ticket(R1, 'a')]: 'not json',
        [ticket(R1, 'b')]: JSON.stringify({ hold: { holdId: 'h1', seatId: 'J-5' }, idempotencyKey: 'k' }),
        [ticket(R1, 'c')]: JSON.stringify(null),
      }),
    );
    expect(holdOfTicket(ticket(R1, 'a'))).toBeUndefined();
    expect(holdOfTicket(ticket(R1, 'b'))).toBeUndefined();
    expect(holdOfTicket(ticket(R1, 'c'))).toBeUndefined();
  });

  it('treats a nickname that names an object property as a plain key', () => {
    rememberTicket('__proto__', ticket(R1, 'p'));
    expect(storedTicket('__proto__')).toBe(ticket(R1, 'p'));
    expect(storedTicket('constructor')).toBeUndefined();
  });

  it('ignores a damaged store', () => {
    localStorage.setItem(TICKETS_KEY, '{not json');
    expect(storedTicket('티켓왕')).toBeUndefined();
    localStorage.setItem(TICKETS_KEY, JSON.stringify({ 티켓왕: 7 }));
    expect(storedTicket('티켓왕')).toBeUndefined();
    rememberTicket('티켓왕', ticket(R1, 'a'));
    expect(storedTicket('티켓왕')).toBe(ticket(R1, 'a'));
  });

  it('reads the round from the ticket id', () => {
    expect(roundOfTicket(ticket(R1, 'a'))).toBe(R1);
    expect(roundOfTicket('garbage')).toBe('');
  });

  it("keeps each ticket's booking for its round, apart from the nicknames' tickets", () => {
    rememberTicket('티켓왕', ticket(R1, 'a'));
    rememberBooking(ticket(R1, 'a'), 'booking-1');
    rememberBooking(ticket(R1, 'b'), 'booking-2');
    expect(bookingOfTicket(ticket(R1, 'a'))).toBe('booking-1');
    expect(bookingOfTicket(ticket(R1, 'b'))).toBe('booking-2');
    expect(bookingOfTicket(ticket(R1, 'c'))).toBeUndefined();
    expect(storedTicket('티켓왕')).toBe(ticket(R1, 'a'));

    rememberBooking(ticket(R2, 'd'), 'booking-3'); // a new round: the older round's bookings go
    expect(bookingOfTicket(ticket(R2, 'd'))).toBe('booking-3');
    expect(bookingOfTicket(ticket(R1, 'a'))).toBeUndefined();
    expect(storedTicket('티켓왕')).toBe(ticket(R1, 'a'));
  });

  it("keeps each ticket's highest queue position for its round, only ever raising it", () => {
    expect(highestPosition(ticket(R1, 'a'))).toBe(0);
    expect(rememberHighestPosition(ticket(R1, 'a'), 40)).toBe(40);
    expect(rememberHighestPosition(ticket(R1, 'a'), 12)).toBe(40); // moving up the queue keeps where it started
    expect(rememberHighestPosition(ticket(R1, 'b'), 7)).toBe(7);
    expect(highestPosition(ticket(R1, 'a'))).toBe(40);
    expect(highestPosition(ticket(R1, 'b'))).toBe(7);

    rememberHighestPosition(ticket(R2, 'c'), 3); // a new round: the older round's go
    expect(highestPosition(ticket(R1, 'a'))).toBe(0);
    expect(highestPosition(ticket(R2, 'c'))).toBe(3);

    localStorage.setItem(POSITIONS_KEY, JSON.stringify({ [ticket(R2, 'c')]: 'lots' }));
    expect(highestPosition(ticket(R2, 'c'))).toBe(0);
  });

  it('makes one entry key per nickname and gives it again on every later call', () => {
    const key = entryKey('티켓왕', R1);
    expect(key).toMatch(ENTRY_KEY);
    expect(entryKey('티켓왕', R1)).toBe(key);
    const other = entryKey('speed-runner', R1);
    expect(other).toMatch(ENTRY_KEY);
    expect(other).not.toBe(key);
    expect(entryKey('티켓왕', R1)).toBe(key);
    expect(JSON.parse(localStorage.getItem(ENTRY_KEYS_KEY)!)).toEqual({
      티켓왕: `${R1}.${key}`,
      'speed-runner': `${R1}.${other}`,
    });
  });

  it('makes a new entry key for each round, so a key that leaked opens no later round', () => {
    const first = entryKey('티켓왕', R1);
    const next = entryKey('티켓왕', R2);
    expect(next).toMatch(ENTRY_KEY);
    expect(next).not.toBe(first);
    expect(entryKey('티켓왕', R2)).toBe(next);
    expect(JSON.parse(localStorage.getItem(ENTRY_KEYS_KEY)!)).toEqual({ 티켓왕: `${R2}.${next}` });
  });

  it('takes a key kept without its round (as before rounds were kept) for none', () => {
    const old = 'A'.repeat(43);
    localStorage.setItem(ENTRY_KEYS_KEY, JSON.stringify({ 티켓왕: old }));
    expect(entryKey('티켓왕', R1)).not.toBe(old);
  });

  it('keeps the entry keys apart from the tickets, across rounds', () => {
    const key = entryKey('티켓왕', R1);
    rememberTicket('티켓왕', ticket(R1, 'a'));
    rememberTicket('speed-runner', ticket(R2, 'b')); // a new round drops the older round's tickets, not the keys
    expect(storedTicket('티켓왕')).toBeUndefined();
    expect(entryKey('티켓왕', R1)).toBe(key);
  });

  it('treats a nickname that names an object property as a plain key for its entry key', () => {
    const proto = entryKey('__proto__', R1);
    expect(proto).toMatch(ENTRY_KEY);
    expect(entryKey('__proto__', R1)).toBe(proto);
    const constructor = entryKey('constructor', R1);
    expect(constructor).toMatch(ENTRY_KEY);
    expect(constructor).not.toBe(proto);
    expect(entryKey('__proto__', R1)).toBe(proto);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('makes a new entry key in place of a damaged one', () => {
    localStorage.setItem(ENTRY_KEYS_KEY, '{not json');
    const key = entryKey('티켓왕', R1);
    expect(key).toMatch(ENTRY_KEY);
    expect(entryKey('티켓왕', R1)).toBe(key);
    localStorage.setItem(ENTRY_KEYS_KEY, JSON.stringify({ 티켓왕: `${R1}.short`, other: 7 }));
    const again = entryKey('티켓왕', R1);
    expect(again).toMatch(ENTRY_KEY);
    expect(again).not.toBe('short');
    expect(entryKey('티켓왕', R1)).toBe(again);
  });

  it('still gives an entry key, the same for the page, when localStorage refuses to keep it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const key = entryKey('사생활모드', R1);
    expect(key).toMatch(ENTRY_KEY);
    expect(entryKey('사생활모드', R1)).toBe(key);
    expect(localStorage.getItem(ENTRY_KEYS_KEY)).toBeNull();
  });

  it('keeps the entry keys of the newest nicknames only', () => {
    const first = entryKey('nick-0', R1);
    for (let i = 1; i <= 32; i++) entryKey(`nick-${i}`, R1);
    const kept = JSON.parse(localStorage.getItem(ENTRY_KEYS_KEY)!) as Record<string, string>;
    expect(Object.keys(kept)).toHaveLength(32);
    expect(kept).not.toHaveProperty('nick-0');
    expect(kept).toHaveProperty('nick-32');
    expect(entryKey('nick-0', R1)).not.toBe(first);
  });

  it('counts a nickname whose entry key is used again as the newest', () => {
    const first = entryKey('nick-0', R1);
    for (let i = 1; i <= 31; i++) entryKey(`nick-${i}`, R1);
    expect(entryKey('nick-0', R1)).toBe(first); // used again: now the newest of the 32
    entryKey('nick-32', R1); // one more pushes the oldest out, nick-1, not nick-0
    const kept = JSON.parse(localStorage.getItem(ENTRY_KEYS_KEY)!) as Record<string, string>;
    expect(Object.keys(kept)).toHaveLength(32);
    expect(kept['nick-0']).toBe(`${R1}.${first}`);
    expect(kept).not.toHaveProperty('nick-1');
  });
});
