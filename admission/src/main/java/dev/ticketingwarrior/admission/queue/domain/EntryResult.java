package dev.ticketingwarrior.admission.queue.domain;

import java.time.Instant;

/** How a queue entry ended (SPEC §4). */
public sealed interface EntryResult {

    /** A new ticket: answered 201. */
    record Entered(TicketView ticket) implements EntryResult {}

    /** The nickname already holds a ticket in this round: the same ticket, answered 200. */
    record AlreadyEntered(TicketView ticket) implements EntryResult {}

    /** The round is not OPEN: answered 409 with the next open instant. */
    record RoundNotOpen(Instant opensAt) implements EntryResult {}
}
