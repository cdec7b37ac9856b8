package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Advances the serving counter of the open round every {@code tick}, whether or not anybody polls, and shares each
 * result with every live stream of this instance: one Valkey call per tick per instance, however many players watch.
 * Any number of instances may tick the same round; the advance is atomic, so admissions are never double-counted.
 */
public final class ServingTicker {

    private static final Logger log = LoggerFactory.getLogger(ServingTicker.class);

    /** A store down fails every tick: one line every 10 s, with how many it stands for. */
    private final RepeatedWarnings failedTicks = new RepeatedWarnings(log);

    private final WaitingRoom waitingRoom;
    private final RoundClock roundClock;
    private final LiveSettings<AdmissionSettings> settings;
    private final QueueMetrics metrics;
    private final Duration tick;
    private final Sinks.Many<RoundSnapshot> snapshots = Sinks.many().replay().latest();
    /** When each round ticked last (System.nanoTime); only the rounds of the latest tick are kept. */
    private final Map<RoundId, Long> lastSnapshotNanos = new ConcurrentHashMap<>();
    /** Each round's latest snapshot, for status reads that need no Valkey call; the rounds of the latest tick. */
    private final Map<RoundId, RoundSnapshot> latest = new ConcurrentHashMap<>();

    private volatile Disposable ticking;

    public ServingTicker(
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            LiveSettings<AdmissionSettings> settings,
            QueueMetrics metrics,
            Duration tick) {
        this.waitingRoom = Objects.requireNonNull(waitingRoom, "waitingRoom");
        this.roundClock = Objects.requireNonNull(roundClock, "roundClock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.tick = Objects.requireNonNull(tick, "tick");
    }

    /** How often this ticker advances the counter. */
    public Duration tick() {
        return tick;
    }

    /** Every snapshot this ticker takes, of every round it ticks, as it takes them. */
    public Flux<RoundSnapshot> snapshots() {
        return snapshots.asFlux();
    }

    /** Whether this ticker has said nothing of {@code roundId} for at least {@code silence}. */
    public boolean silentFor(RoundId roundId, Duration silence) {
        Long last = lastSnapshotNanos.get(roundId);
        return last == null || System.nanoTime() - last >= silence.toNanos();
    }

    /**
     * The latest snapshot of {@code roundId} while this ticker keeps it current (its last tick of the round is at most
     * two ticks old); empty when the ticker is silent for the round, so the caller reads Valkey instead.
     */
    public Optional<RoundSnapshot> current(RoundId roundId) {
        Long last = lastSnapshotNanos.get(roundId);
        if (last == null || System.nanoTime() - last > tick.toNanos() * 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(latest.get(roundId));
    }

    /** Entries this instance just made: the round has at least {@code entered} of them. */
    public void sawEntries(RoundId roundId, long entered) {
        latest.computeIfPresent(roundId, (id, snapshot) -> snapshot.withEntered(entered));
    }

    public void start() {
        ticking = Flux.interval(tick, tick)
                .onBackpressureDrop()
                .concatMap(ignored -> tickOnce().onErrorResume(e -> {
                    failedTicks.warn("tick", "serving counter tick failed: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    public void stop() {
        Disposable running = ticking;
        if (running != null) {
            running.dispose();
        }
    }

    /** One tick: advances the open round, and a round that closed within the last ticks so its close is final. */
    public Mono<Void> tickOnce() {
        Instant now = roundClock.now();
        Set<Round> rounds = new LinkedHashSet<>();
        Round current = roundClock.roundAt(now);
        Round recent = roundClock.roundAt(now.minus(tick.multipliedBy(2)));
        for (Round round : new Round[] {recent, current}) {
            if (!round.opensAt().isAfter(now) && now.isBefore(round.closesAt().plus(tick.multipliedBy(2)))) {
                rounds.add(round);
            }
        }
        lastSnapshotNanos
                .keySet()
                .removeIf(id -> rounds.stream().noneMatch(round -> round.id().equals(id)));
        latest.keySet()
                .removeIf(id -> rounds.stream().noneMatch(round -> round.id().equals(id)));
        return Flux.fromIterable(rounds)
                .concatMap(round -> waitingRoom
                        .advance(round, now, settings.get())
                        .doOnNext(advance -> {
                            ServingState state = advance.state();
                            metrics.admitted(state.newlyAdmitted());
                            if (round.equals(current)) {
                                // kept until the next round opens: the CloudWatch export reads the gauge once a
                                // minute, at a second of its own, and the surge scaling reads the minute's maximum
                                metrics.waiting(state.waiting());
                            }
                            RoundSnapshot snapshot = latest.merge(
                                    round.id(),
                                    RoundSnapshot.of(round, advance, now),
                                    (previous, fresh) ->
                                            fresh.withEntered(previous.state().entered()));
                            lastSnapshotNanos.put(round.id(), System.nanoTime());
                            snapshots.tryEmitNext(snapshot);
                        })
                        .switchIfEmpty(Mono.fromRunnable(() -> {
                            if (round.equals(current)) {
                                metrics.waiting(0);
                            }
                        })))
                // only a tick that reached the store says it answers again: between rounds a tick calls nothing
                .then(Mono.fromRunnable(() -> {
                    if (!rounds.isEmpty()) {
                        failedTicks.cleared("tick", "serving counter ticks again");
                    }
                }));
    }
}
