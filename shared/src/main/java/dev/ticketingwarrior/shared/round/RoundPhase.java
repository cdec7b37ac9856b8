package dev.ticketingwarrior.shared.round;

/** Whether a round accepts entry, holds and bookings right now (SPEC §3). */
public enum RoundPhase {
    /** From the round's start (inclusive) until its open window ends (exclusive). */
    OPEN,
    /** Any other time of the round. */
    CLOSED
}
