package dev.ticketingwarrior.admission.queue.domain;

/** Where a ticket stands (SPEC §4). */
public enum TicketStatus {
    /** Its queue number is above the serving counter and the round is still open. */
    WAITING,
    /** The serving counter has passed it; it carries a token. */
    ADMITTED,
    /** The round closed before the counter reached it. */
    CLOSED
}
