package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.config.DependencyUnavailableException;
import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reports players whose hold ran out unbooked as abandoned (SPEC §4: booking reports finished/abandoned players, so
 * admission's {@code maxActive} frees their slots). Every {@code ticketing.hold.abandoned-sweep} this instance looks at
 * the held seats of the current and the previous round; a hold past its expiry that is still its ticket's latest hold,
 * of a ticket that has not booked, puts the ticket into the round's finished set, once. Any number of instances may
 * sweep: the step is one Lua script and adding a ticket twice changes nothing.
 */
@Component
class AbandonedHolds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AbandonedHolds.class);

    private final Holds holds;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration interval;
    private final Counter abandoned;
    private volatile ScheduledExecutorService timer;

    AbandonedHolds(
            Holds holds,
            RoundClock clock,
            RoundRetention retention,
            BookingProperties properties,
            MeterRegistry meters) {
        this.holds = holds;
        this.clock = clock;
        this.retention = retention;
        this.interval = properties.hold().abandonedSweep();
        this.abandoned = meters.counter("ticketing.holds", "result", "abandoned");
    }

    /** One sweep of the current and the previous round; the number of players reported. */
    int sweep() {
        Instant now = clock.now();
        Round current = clock.roundAt(now);
        Round previous = clock.roundAt(current.opensAt().minusMillis(1));
        int reported = 0;
        for (Round round : new Round[] {previous, current}) {
            reported += holds.reportAbandoned(round.id(), now, retention.ttl(round));
        }
        abandoned.increment(reported);
        return reported;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("abandoned-holds").daemon(true).factory());
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        sweep();
                    } catch (DependencyUnavailableException e) {
                        log.debug("abandoned holds not swept: {}", e.toString());
                    } catch (RuntimeException e) {
                        log.warn("abandoned holds not swept", e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
