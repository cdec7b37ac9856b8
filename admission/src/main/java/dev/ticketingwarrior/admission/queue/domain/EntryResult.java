package dev.ticketingwarrior.admission.queue.domain;

import java.time.Duration;
import java.time.Instant;

/** How a queue entry ended (SPEC §4). */
public sealed interface EntryResult {

    /** A new ticket: answered 201. */
    record Entered(TicketView ticket) implements EntryResult {}

    /** The nickname's owner came back with the ticket id it was given (a reload): the same ticket, answered 200. */
    record Resumed(TicketView ticket) implements EntryResult {}

    /**
     * Another client holds the nickname in this round, and the request did not carry its ticket id: answered 409,
     * with nothing of that ticket (nicknames are public, so knowing one must not be enough to take its place).
     */
    record NicknameTaken() implements EntryResult {}

    /** The client entered more often than its limit allows: answered 429, retry after {@code retryAfter}. */
    record RateLimited(Duration retryAfter) implements EntryResult {}

    /** The round is not OPEN: answered 409 with the next open instant. */
    record RoundNotOpen(Instant opensAt) implements EntryResult {}
}
