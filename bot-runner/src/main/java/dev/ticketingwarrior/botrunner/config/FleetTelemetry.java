package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.botrunner.bot.domain.BotEvents;
import dev.ticketingwarrior.botrunner.bot.domain.BotOutcome;
import dev.ticketingwarrior.botrunner.control.domain.BotStatsStore;
import dev.ticketingwarrior.botrunner.control.domain.StatField;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every bot event counted twice: in this instance's Micrometer meters ({@code ticketing.bots.*}, SPEC §8) and in the
 * per-round counters in Redis that sum over all instances. A counter that cannot be written is dropped (and counted):
 * statistics never slow a bot down.
 */
final class FleetTelemetry implements BotEvents {

    private static final Logger log = LoggerFactory.getLogger(FleetTelemetry.class);

    private final BotStatsStore stats;
    private final Counter launched;
    private final Counter admitted;
    private final Counter booked;
    private final Counter lost;
    private final Counter cancelled;
    private final Counter errors;
    private final Counter dropped;
    private final Timer launchLag;
    private final Timer firstRequestLag;

    FleetTelemetry(BotStatsStore stats, MeterRegistry registry) {
        this.stats = stats;
        this.launched = Counter.builder("ticketing.bots.launched")
                .description("Bots started by this instance")
                .register(registry);
        this.admitted = Counter.builder("ticketing.bots.admitted")
                .description("Bots admitted by the waiting room")
                .register(registry);
        this.booked = Counter.builder("ticketing.bots.booked")
                .description("Bots whose booking was accepted")
                .register(registry);
        this.lost = Counter.builder("ticketing.bots.lost")
                .description("Bots without a seat by the close")
                .register(registry);
        this.cancelled = Counter.builder("ticketing.bots.cancelled")
                .description("Bots that released their hold (취소표)")
                .register(registry);
        this.errors = Counter.builder("ticketing.bots.errors")
                .description("Bots that ended on an unexpected answer, timeout or unreachable service")
                .register(registry);
        this.dropped = Counter.builder("ticketing.bots.stats.dropped")
                .description("Per-round statistics increments that could not be written to Redis")
                .register(registry);
        this.launchLag = Timer.builder("ticketing.bots.launch.lag")
                .description("Actual start of a bot minus its scheduled start")
                .publishPercentiles(0.5, 0.99)
                // buckets too: unlike the percentiles, they add up over instances and over any time window
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.firstRequestLag = Timer.builder("ticketing.bots.first.request.lag")
                .description("A bot's first request (queue entry) on the wire minus its scheduled start: the launch"
                        + " lag plus any wait for a pooled connection and for the connect")
                .publishPercentiles(0.5, 0.99)
                // buckets too: unlike the percentiles, they add up over instances and over any time window
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void launched(RoundId round, Duration lag) {
        launched.increment();
        launchLag.record(lag);
        count(round, StatField.LAUNCHED);
    }

    @Override
    public void entered(RoundId round, Duration lag) {
        firstRequestLag.record(lag);
    }

    @Override
    public void admitted(RoundId round) {
        admitted.increment();
        count(round, StatField.ADMITTED);
    }

    @Override
    public void finished(RoundId round, BotOutcome outcome) {
        StatField field = switch (outcome) {
            case BotOutcome.Booked b -> {
                booked.increment();
                yield StatField.BOOKED;
            }
            case BotOutcome.Lost l -> {
                lost.increment();
                log.debug("bot of round {} lost: {}", round, l.reason());
                yield StatField.LOST;
            }
            case BotOutcome.Cancelled c -> {
                cancelled.increment();
                yield StatField.CANCELLED;
            }
            case BotOutcome.Failed failed -> {
                errors.increment();
                log.info("bot of round {} failed: {}", round, failed.reason());
                yield StatField.ERRORS;
            }
        };
        count(round, field);
    }

    private void count(RoundId round, StatField field) {
        stats.increment(round, field).subscribe(null, e -> {
            dropped.increment();
            log.debug("dropped bot statistic {} of round {}: {}", field, round, e.toString());
        });
    }
}
