package dev.ticketingwarrior.shared.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Maps any instant to its round. Rounds start at whole multiples of {@code period} since the epoch and are
 * OPEN for the first {@code openFor} of it (SPEC §3). Time comes from an injectable {@link Clock} so tests never
 * wait for a wall-clock minute.
 */
public final class RoundClock {

    private final Clock clock;
    private final long periodMillis;
    private final long openForMillis;

    public RoundClock(Clock clock, Duration period, Duration openFor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(openFor, "openFor");
        if (period.isNegative() || period.toMillis() < 1000 || period.toMillis() % 1000 != 0) {
            // the round id has second precision, so two rounds must never start within one second
            throw new IllegalArgumentException("period must be a whole number of seconds >= 1s: " + period);
        }
        if (openFor.isNegative() || openFor.isZero() || openFor.compareTo(period) > 0) {
            throw new IllegalArgumentException("openFor must be > 0 and <= period: " + openFor);
        }
        this.periodMillis = period.toMillis();
        this.openForMillis = openFor.toMillis();
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration period() {
        return Duration.ofMillis(periodMillis);
    }

    public Duration openFor() {
        return Duration.ofMillis(openForMillis);
    }

    /** The round that contains {@code instant}. */
    public Round roundAt(Instant instant) {
        long start = Math.floorDiv(instant.toEpochMilli(), periodMillis) * periodMillis;
        return roundStartingAt(start);
    }

    /** The round containing the current instant. */
    public Round current() {
        return roundAt(now());
    }

    /** The round after the one containing {@code instant}. */
    public Round nextAfter(Instant instant) {
        return roundStartingAt(roundAt(instant).endsAt().toEpochMilli());
    }

    public RoundPhase phaseAt(Instant instant) {
        return roundAt(instant).phaseAt(instant);
    }

    /** The round with this id, or an exception if the id is not a round start under this period. */
    public Round round(RoundId id) {
        long start = id.start().toEpochMilli();
        if (Math.floorMod(start, periodMillis) != 0) {
            throw new IllegalArgumentException("not a round start for period " + period() + ": " + id);
        }
        return roundStartingAt(start);
    }

    /** Whether {@code id} names a round that can exist under this period. */
    public boolean isRoundStart(RoundId id) {
        return Math.floorMod(id.start().toEpochMilli(), periodMillis) == 0;
    }

    private Round roundStartingAt(long startMillis) {
        Instant opens = Instant.ofEpochMilli(startMillis);
        return new Round(
                RoundId.startingAt(opens),
                opens,
                Instant.ofEpochMilli(startMillis + openForMillis),
                Instant.ofEpochMilli(startMillis + periodMillis));
    }
}
