package dev.ticketingwarrior.booking.support;

import dev.ticketingwarrior.edge.testing.UtcClock;
import java.time.Duration;
import java.time.Instant;

/** A clock that runs at real speed from an instant the test chooses (so leases and TTLs still pass in real time). */
public final class TestClock extends UtcClock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, {@link #instant()} reads {@code at} and moves on with real time. */
    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
