package dev.ticketingwarrior.booking.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs at real speed from an instant the test chooses (so leases and TTLs still pass in real time). */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, {@link #instant()} reads {@code at} and moves on with real time. */
    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
