package dev.ticketingwarrior.edge.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock in UTC that keeps its own time whatever zone is asked for: the services read instants only, so a
 * subclass says where {@link #instant()} comes from and nothing else.
 */
public abstract class UtcClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }
}
