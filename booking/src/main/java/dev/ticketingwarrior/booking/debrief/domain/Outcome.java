package dev.ticketingwarrior.booking.debrief.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * How an attempt ended: its booking CONFIRMED or REJECTED by MySQL (with when), still PENDING, or NO_SEAT (admitted,
 * never booked).
 */
public record Outcome(Status status, Optional<Instant> at) {

    public static final Outcome NO_SEAT = new Outcome(Status.NO_SEAT, Optional.empty());
    public static final Outcome PENDING = new Outcome(Status.PENDING, Optional.empty());

    public enum Status {
        CONFIRMED,
        PENDING,
        REJECTED,
        NO_SEAT
    }

    public boolean won() {
        return status == Status.CONFIRMED;
    }
}
