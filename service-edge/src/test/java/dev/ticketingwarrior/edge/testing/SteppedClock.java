package dev.ticketingwarrior.edge.testing;

import java.time.Duration;
import java.time.Instant;

/** A UTC clock that stands still until a test sets or advances it; safe to read from other threads. */
public final class SteppedClock extends UtcClock {

    private volatile Instant now;

    public SteppedClock(Instant now) {
        this.now = now;
    }

    public void set(Instant at) {
        now = at;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
