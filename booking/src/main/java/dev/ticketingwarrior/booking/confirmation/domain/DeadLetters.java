package dev.ticketingwarrior.booking.confirmation.domain;

/**
 * Confirmations the queue gave up on (after 5 receives: a poison message, or one left over from before the listener
 * waited out outages): counted, and put back for the listener, which writes each booking once however often it comes.
 */
public interface DeadLetters {

    /** How many messages wait in the dead-letter queue (approximate, as the queue counts them). */
    long count();

    /** Moves up to {@code max} messages back to the confirmation queue; returns how many moved. */
    int redrive(int max);
}
