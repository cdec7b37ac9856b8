package dev.ticketingwarrior.shared.round;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One round: it opens at {@code opensAt}, stops accepting at {@code closesAt} and is followed by the next
 * round at {@code endsAt}.
 */
public record Round(RoundId id, Instant opensAt, Instant closesAt, Instant endsAt) {

    public Round {
        Objects.requireNonNull(id, "id");
        if (!opensAt.isBefore(closesAt) || closesAt.isAfter(endsAt)) {
            throw new IllegalArgumentException("need opensAt < closesAt <= endsAt");
        }
    }

    public RoundPhase phaseAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt) ? RoundPhase.OPEN : RoundPhase.CLOSED;
    }

    public boolean isOpenAt(Instant instant) {
        return phaseAt(instant) == RoundPhase.OPEN;
    }

    /** Time from the open to {@code instant}, the base of every player's duration. */
    public Duration sinceOpen(Instant instant) {
        return Duration.between(opensAt, instant);
    }
}
