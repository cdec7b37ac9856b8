package dev.ticketingwarrior.botrunner.support;

import dev.ticketingwarrior.edge.testing.UtcClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * A clock that reads a Reactor {@link Scheduler}'s time plus an offset: with a virtual-time scheduler, the injected
 * clock and every timer agree, and a test can still make the clock jump (a GC pause, a skewed host).
 */
public final class SchedulerClock extends UtcClock {

    private final Scheduler scheduler;
    private final Instant base;
    private volatile Duration offset = Duration.ZERO;

    public SchedulerClock(Scheduler scheduler, Instant base) {
        this.scheduler = scheduler;
        this.base = base;
    }

    public void jump(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return base.plusMillis(scheduler.now(TimeUnit.MILLISECONDS)).plus(offset);
    }
}
