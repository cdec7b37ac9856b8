package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.botrunner.bot.domain.BotEvents;
import dev.ticketingwarrior.botrunner.bot.domain.BotOutcome;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Every bot event counted twice: in this instance's Micrometer meters ({@code ticketing.bots.*}, SPEC §8) and in the
 * per-round counters in Redis that sum over all instances. The Redis counters are batched: events are added up in
 * memory and written every flush interval in one call per round, not one per event (a bot makes several), so {@code GET
 * /api/v1/bots/stats} trails by at most that interval. A batch that cannot be written is dropped, not retried (and
 * counted; a write that timed out may have landed all the same): statistics never slow a bot down. Failed bots are
 * counted by call and cause ({@code ticketing.bots.failures}, tagged with the side that caused them) and summed up in
 * one log line per round.
 */
public final class FleetTelemetry implements BotEvents {

    private static final Logger log = LoggerFactory.getLogger(FleetTelemetry.class);

    private final BotStatsStore stats;
    private final MeterRegistry registry;
    private final Map<RoundId, RoundCounts> pending = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Counter launched;
    private final Counter admitted;
    private final Counter booked;
    private final Counter lost;
    private final Counter cancelled;
    private final Counter errors;
    private final Counter dropped;
    private final Timer launchLag;
    private final Timer firstRequestLag;

    public FleetTelemetry(BotStatsStore stats, MeterRegistry registry) {
        this.stats = stats;
        this.registry = registry;
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
                .description("Per-round statistics increments whose write to Redis failed or timed out (a timed-out"
                        + " write may still have landed)")
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
                failure(failed).increment();
                counts(round).failed(failed);
                log.debug("bot of round {} failed: {}", round, failed.reason());
                yield StatField.ERRORS;
            }
        };
        count(round, field);
    }

    /** Starts writing the batched counters every {@code every}; dispose to stop, then {@link #flush()} the rest. */
    public Disposable startFlushing(Duration every, Scheduler timer) {
        return Flux.interval(every, every, timer)
                .onBackpressureDrop()
                .concatMap(tick -> flush())
                .subscribe();
    }

    /** Writes what was counted since the last flush, one Redis call per round; forgets rounds that went quiet. */
    public Mono<Void> flush() {
        RoundId newest = pending.keySet().stream().max(RoundId::compareTo).orElse(null);
        return Flux.fromIterable(List.copyOf(pending.entrySet()))
                .concatMap(entry -> {
                    RoundId round = entry.getKey();
                    Map<StatField, Long> batch = entry.getValue().drain();
                    if (batch.isEmpty()) {
                        // a round's events end at its close, long before the next round's first one
                        if (!round.equals(newest) && pending.remove(round, entry.getValue())) {
                            entry.getValue().logFailures(round);
                        }
                        return Mono.empty();
                    }
                    return stats.add(round, batch).onErrorResume(e -> {
                        batch.values().forEach(dropped::increment);
                        log.debug("dropped bot statistics {} of round {}: {}", batch, round, e.toString());
                        return Mono.empty();
                    });
                })
                .then();
    }

    private void count(RoundId round, StatField field) {
        counts(round).add(field);
    }

    private RoundCounts counts(RoundId round) {
        return pending.computeIfAbsent(round, id -> new RoundCounts());
    }

    private Counter failure(BotOutcome.Failed failed) {
        return failures.computeIfAbsent(
                failed.call() + " " + failed.failure().key(),
                key -> Counter.builder("ticketing.bots.failures")
                        .description(
                                "Failed bots by the call that failed and why; side=service when the service under test"
                                        + " failed them (slow, refused, an error answer), side=runner when the runner did")
                        .tag("call", failed.call())
                        .tag("cause", failed.failure().key())
                        .tag("side", failed.failure().runnersOwn() ? "runner" : "service")
                        .register(registry));
    }

    /** One round's counts not yet written to Redis, and its failures by call and cause (for the round's log line). */
    private static final class RoundCounts {

        private final LongAdder[] counts = new LongAdder[StatField.values().length];
        private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

        RoundCounts() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void add(StatField field) {
            counts[field.ordinal()].increment();
        }

        void failed(BotOutcome.Failed failed) {
            String key = failed.call() + " " + failed.failure().key()
                    + (failed.failure().runnersOwn() ? " (runner)" : " (service)");
            failures.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        Map<StatField, Long> drain() {
            Map<StatField, Long> batch = new EnumMap<>(StatField.class);
            for (StatField field : StatField.values()) {
                long value = counts[field.ordinal()].sumThenReset();
                if (value != 0) {
                    batch.put(field, value);
                }
            }
            return batch;
        }

        void logFailures(RoundId round) {
            if (!failures.isEmpty()) {
                Map<String, Long> byCause = new TreeMap<>();
                failures.forEach((key, count) -> byCause.put(key, count.sum()));
                log.info("round {}: failed bots by call and cause: {}", round, byCause);
            }
        }
    }
}
