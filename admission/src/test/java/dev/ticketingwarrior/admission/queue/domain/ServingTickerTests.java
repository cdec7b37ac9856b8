package dev.ticketingwarrior.admission.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What the ticker tells the {@code ticketing.queue.waiting} gauge around a round's open and close. */
class ServingTickerTests {

    private static final AdmissionSettings PAUSED = new AdmissionSettings(0, 0, 0, true);

    private final Instant opensAt = Instant.parse("2031-01-01T00:00:00Z");
    private final SteppedClock clock = new SteppedClock(opensAt.plusSeconds(5));
    private final RoundClock rounds = new RoundClock(clock, Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final AtomicLong waiting = new AtomicLong(-1);
    private final ServingTicker ticker = new ServingTicker(
            new FortyWaiting(),
            rounds,
            new LiveSettings<>("admission settings", new InMemorySettingsStore<>(PAUSED), PAUSED),
            new GaugeOnly(waiting),
            Duration.ofMillis(250));

    @Test
    void countsTheWaitingWhileTheRoundIsOpenAndNobodyOnceItHasClosed() {
        ticker.tickOnce().block();
        assertThat(waiting.get()).as("open").isEqualTo(40);

        clock.set(opensAt.plusSeconds(15)); // the close: those left are CLOSED, not waiting
        ticker.tickOnce().block();
        assertThat(waiting.get()).as("at the close").isZero();

        waiting.set(-1);
        clock.set(opensAt.plusSeconds(40)); // long after it, until the next round opens
        ticker.tickOnce().block();
        assertThat(waiting.get()).as("between rounds").isZero();
    }

    /** Forty players waiting in any round, whenever asked. */
    private static final class FortyWaiting extends UnansweredWaitingRoom {

        @Override
        public Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed) {
            return Mono.just(new Advance(new ServingState(10, 50, 0, 0, PAUSED), 0, now, Optional.empty()));
        }
    }

    private record GaugeOnly(AtomicLong waiting) implements QueueMetrics {

        @Override
        public void entered(boolean bot) {}

        @Override
        public void admitted(long count) {}

        @Override
        public void waiting(long count) {
            waiting.set(count);
        }
    }
}
