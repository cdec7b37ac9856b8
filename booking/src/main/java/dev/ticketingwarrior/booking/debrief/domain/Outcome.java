package dev.ticketingwarrior.booking.debrief.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * How an attempt ended: its booking CONFIRMED or REJECTED by MySQL (with when), still PENDING, NO_SEAT (admitted,
 * never booked), or NOT_ADMITTED (the round closed while the player waited).
 */
public record Outcome(Status status, Optional<Instant> at) {

    public static final Outcome NO_SEAT = new Outcome(Status.NO_SEAT, Optional.empty());
    public static final Outcome NOT_ADMITTED = new Outcome(Status.NOT_ADMITTED, Optional.empty());
    public static final Outcome PENDING = new Outcome(Status.PENDING, Optional.empty());

    public enum Status {
        CONFIRMED,
        PENDING,
        REJECTED,
        NO_SEAT,
        NOT_ADMITTED
    }

    public boolean won() {
        return status == Status.CONFIRMED;
    }
}
