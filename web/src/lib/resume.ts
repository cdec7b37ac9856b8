// A drill left mid-way (a reload, a closed tab, the way home) can be taken up again: SPEC §4 lets the client that
// entered with a nickname resume its ticket for the rest of the round. Home offers it for the ticket this browser
// holds in the round of the moment: while the round is open (entering again resumes the ticket: the waiting room, or
// the step after admission), and after its close only when the ticket booked (its result is worth seeing; an
// attempt that did not book has nothing left to do once the round is closed).
import type { RoundInfo } from './clock';
import type { Attempt } from './session';
import { bookingOfTicket, roundOfTicket, storedTickets } from './tickets';

export interface Resumable extends Attempt {
  /** The booking the ticket was given in this browser: resuming goes straight to its result. */
  bookingId?: string;
}

/**
 * The attempt this browser can take up again in `round` (the round by the server's clock now), if any; `preferred`
 * (the nickname last entered with) first, else the newest ticket kept.
 */
export function resumableAttempt(round: Pick<RoundInfo, 'id' | 'phase'>, preferred: string): Resumable | undefined {
  const candidates = storedTickets()
    .filter(([, ticketId]) => roundOfTicket(ticketId) === round.id)
    .map(([nickname, ticketId]): Resumable => {
      const bookingId = bookingOfTicket(ticketId);
      return { nickname, ticketId, roundId: round.id, ...(bookingId ? { bookingId } : {}) };
    })
    .filter((attempt) => round.phase === 'OPEN' || attempt.bookingId !== undefined);
  return candidates.find((attempt) => attempt.nickname === preferred) ?? candidates.at(-1);
}
