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

/**
 * What the ticker tells the {@code ticketing.queue.waiting} gauge: the open round's count, kept through the rest of
 * the minute (a once-a-minute export at a second of its own must still see the surge), 0 once the next round opens
 * with nobody in it.
 */
class ServingTickerTests {

    private static final AdmissionSettings PAUSED = new AdmissionSettings(0, 0, 0, true);

    private final Instant opensAt = Instant.parse("2031-01-01T00:00:00Z");
    private final SteppedClock clock = new SteppedClock(opensAt.plusSeconds(5));
    private final RoundClock rounds = new RoundClock(clock, Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final AtomicLong waiting = new AtomicLong(-1);
    private final ServingTicker ticker = new ServingTicker(
            new FortyWaitingInTheFirstRound(),
            rounds,
            new LiveSettings<>("admission settings", new InMemorySettingsStore<>(PAUSED), PAUSED),
            new GaugeOnly(waiting),
            Duration.ofMillis(250));

    @Test
    void keepsTheOpenRoundsCountUntilTheNextRoundOpens() {
        ticker.tickOnce().block();
        assertThat(waiting.get()).as("open").isEqualTo(40);

        clock.set(opensAt.plusSeconds(40)); // closed, nothing ticked since
        ticker.tickOnce().block();
        assertThat(waiting.get()).as("between rounds").isEqualTo(40);

        clock.set(opensAt.plusSeconds(61)); // the next round, nobody in it
        ticker.tickOnce().block();
        assertThat(waiting.get()).as("the next round").isZero();
    }

    /** Forty players waiting in the first round; nobody entered any later one. */
    private final class FortyWaitingInTheFirstRound extends UnansweredWaitingRoom {

        @Override
        public Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed) {
            return round.opensAt().equals(opensAt)
                    ? Mono.just(new Advance(new ServingState(10, 50, 0, 0, PAUSED), 0, now, Optional.empty()))
                    : Mono.empty();
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
