package dev.ticketingwarrior.booking.confirmation.domain;

/**
 * Confirmations not yet written to MySQL, as the queues count them (approximately, as SQS does): what ops watch while
 * MySQL does not answer, when the backlog grows and nothing is lost, and after it, while the backlog drains.
 */
public interface ConfirmationBacklog {

    Counts counts();

    /**
     * {@code waiting}: on the confirmation queue, not yet taken by a listener; {@code inFlight}: taken by a listener and
     * not yet written (during a MySQL outage they wait there); {@code deadLetters}: on the dead-letter queue.
     */
    record Counts(long waiting, long inFlight, long deadLetters) {}
}
