import { describe, expect, it } from 'vitest';
import {
  POSITIONS_KEY,
  TICKETS_KEY,
  bookingOfTicket,
  highestPosition,
  rememberBooking,
  rememberHighestPosition,
  rememberTicket,
  roundOfTicket,
  storedTicket,
} from './tickets';

const R1 = '20261124T101500Z';
const R2 = '20261124T101600Z';
const ticket = (round: string, tail: string) => `${round}-${tail.padEnd(22, 'x')}`;

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
});
