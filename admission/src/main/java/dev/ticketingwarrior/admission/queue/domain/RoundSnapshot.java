package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;

/** The serving counter of a round as one instance's ticker saw it at {@code at}. */
public record RoundSnapshot(Round round, ServingState state, Instant at) {

    public boolean closed() {
        return !at.isBefore(round.closesAt());
    }
}
