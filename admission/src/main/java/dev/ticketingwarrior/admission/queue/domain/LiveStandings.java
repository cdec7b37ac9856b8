package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Every ticket watched live on this instance, told of its round's serving counter in one pass per tick. The
 * {@link ServingTicker}'s snapshots, a silence check and a keep-alive beat are the only timers, and one thread walks
 * the watchers for each: a watcher is a few fields and a place in its round's set, with no timer, operator chain or
 * Valkey read of its own while the ticker ticks.
 *
 * <p>A watcher hears: its first standing at once; a new position (or waiting count) at most every 250 ms within the
 * first 100, every 500 ms to 1,000 and every second further back (SPEC §4: at most four a second), always from the
 * tick that changed it; its {@code admitted} (with the token) or {@code closed} standing as soon as a tick shows the
 * counter reached it or the round closed; and, after {@code keepAlive}/2 without anything new, the standing it heard
 * last, again (the web layer sends that repeat as a keep-alive comment). While the ticker is silent for a round (it is
 * stopped or its Valkey calls fail) each of the round's watchers reads its own ticket once a second instead.
 */
public final class LiveStandings {

    private static final Logger log = LoggerFactory.getLogger(LiveStandings.class);

    /** How long a round may go without a snapshot before its watchers read their tickets themselves. */
    static final Duration SILENCE = Duration.ofSeconds(1);

    /** Reads of the watchers' own tickets in flight at once while the ticker is silent. */
    private static final int SILENT_READS = 64;

    private static final long NEAR_GAP_NANOS = Duration.ofMillis(250).toNanos();
    private static final long FAR_GAP_NANOS = Duration.ofMillis(500).toNanos();
    private static final long FARTHEST_GAP_NANOS = Duration.ofSeconds(1).toNanos();

    private final QueueService queue;
    private final ServingTicker ticker;
    private final Scheduler scheduler;
    private final long keepAliveNanos;
    private final long tickNanos;
    /** Tick numbers are counted from here (System.nanoTime), so a tick this instance missed still has its number. */
    private final long origin = System.nanoTime();

    private final Map<RoundId, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    /** Rounds whose watchers are reading their own tickets right now (a silent ticker), so passes do not pile up. */
    private final Set<RoundId> reading = ConcurrentHashMap.newKeySet();

    private volatile Disposable running;

    /**
     * @param scheduler one thread: every pass over the watchers runs on it
     * @param keepAlive no stream goes longer than this without hearing something
     */
    public LiveStandings(QueueService queue, ServingTicker ticker, Scheduler scheduler, Duration keepAlive) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.keepAliveNanos = keepAlive.toNanos();
        this.tickNanos = ticker.tick().toNanos();
        if (keepAliveNanos <= 0) {
            throw new IllegalArgumentException("keepAlive must be positive, not " + keepAlive);
        }
    }

    public void start() {
        Duration beat = Duration.ofNanos(keepAliveNanos / 2);
        running = Disposables.composite(
                ticker.snapshots().publishOn(scheduler).subscribe(this::tell, LiveStandings::failed),
                Flux.interval(SILENCE, SILENCE, scheduler)
                        .onBackpressureDrop()
                        .subscribe(ignored -> readWhereSilent(), LiveStandings::failed),
                Flux.interval(beat, beat, scheduler)
                        .onBackpressureDrop()
                        .subscribe(ignored -> keepAlive(), LiveStandings::failed));
    }

    /**
     * Stops the feed and ends every stream (before the web server drains its requests on shutdown: a stream would
     * hold the drain to its timeout); their players reconnect to another instance or poll.
     */
    public void stop() {
        Disposable now = running;
        if (now != null) {
            now.dispose();
        }
        for (Set<Watcher> round : watchers.values()) {
            for (Watcher watcher : round) {
                watcher.sink.complete();
            }
        }
    }

    /**
     * Live standings of a ticket whose standing {@code first} was just read: {@code first} itself, then as described
     * above, until it is admitted or closed. When the stream's reader falls behind only the latest standing waits.
     */
    public Flux<TicketView> watch(TicketView first) {
        if (first.terminal()) {
            return Flux.just(first);
        }
        return Flux.create(
                sink -> {
                    Watcher watcher = new Watcher(first, sink);
                    sink.onDispose(() -> forget(watcher));
                    watcher.send(first, System.nanoTime());
                    register(watcher);
                },
                FluxSink.OverflowStrategy.LATEST);
    }

    /** How many streams this instance is feeding. */
    public int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * The least time between two position events of a player at {@code position}: 250 ms within the first 100, 500 ms
     * to 1,000, a second beyond. A player 3,000 back loses nothing by seeing the count once a second.
     */
    static long minEventGapNanos(long position) {
        if (position <= 100) {
            return NEAR_GAP_NANOS;
        }
        return position <= 1_000 ? FAR_GAP_NANOS : FARTHEST_GAP_NANOS;
    }

    /**
     * Whole ticks covering {@code gapNanos}: with 250 ms ticks a player far back hears every fourth one. Which fourth is
     * the ticket's own (its queue number's phase), so each tick carries an even share of the far players' events: when
     * the queue starts moving every position changes at once, and one pass sending all of them would delay the last
     * ones by the whole pass.
     */
    private long ticksFor(long gapNanos) {
        return (gapNanos + tickNanos - 1) / tickNanos;
    }

    private void tell(RoundSnapshot snapshot) {
        Set<Watcher> round = watchers.get(snapshot.round().id());
        if (round == null) {
            return;
        }
        long now = System.nanoTime();
        // the nearest tick boundary: snapshots come a few milliseconds either side of it
        long tick = (now - origin + tickNanos / 2) / tickNanos;
        ServingState state = snapshot.state();
        for (Watcher watcher : round) {
            if (snapshot.closed() || state.served() >= watcher.queueNumber) {
                finish(watcher);
            } else {
                watcher.offer(state, tick, now);
            }
        }
    }

    /** The counter reached the ticket or the round closed: its last standing (with the token) comes from Valkey. */
    private void finish(Watcher watcher) {
        forget(watcher);
        queue.status(watcher.first.ticketId())
                .subscribe(
                        view -> {
                            watcher.sink.next(view);
                            if (view.terminal()) {
                                watcher.sink.complete();
                            } else {
                                // an older snapshot than the standing's own read: keep watching
                                register(watcher);
                            }
                        },
                        watcher.sink::error,
                        () -> {
                            if (!watcher.sink.isCancelled()) {
                                watcher.sink.complete();
                            }
                        });
    }

    private void readWhereSilent() {
        for (Map.Entry<RoundId, Set<Watcher>> round : watchers.entrySet()) {
            RoundId id = round.getKey();
            if (!ticker.silentFor(id, SILENCE) || !reading.add(id)) {
                continue;
            }
            List<Watcher> theirs = List.copyOf(round.getValue());
            Flux.fromIterable(theirs)
                    .flatMap(
                            watcher -> queue.status(watcher.first.ticketId())
                                    .map(view -> new Heard(watcher, view))
                                    .onErrorResume(e -> {
                                        watcher.sink.error(e);
                                        return Mono.empty();
                                    }),
                            SILENT_READS)
                    .publishOn(scheduler)
                    .doFinally(signal -> reading.remove(id))
                    .subscribe(heard -> heard.watcher.hear(heard.view, System.nanoTime()), LiveStandings::failed);
        }
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (Set<Watcher> round : watchers.values()) {
            for (Watcher watcher : round) {
                if (now - watcher.sentNanos >= keepAliveNanos / 2) {
                    watcher.send(watcher.sent, now);
                }
            }
        }
    }

    /** Adds {@code watcher} to its round's set, atomically with {@link #forget} dropping an emptied set. */
    private void register(Watcher watcher) {
        watchers.compute(watcher.first.roundId(), (id, round) -> {
            Set<Watcher> set = round != null ? round : ConcurrentHashMap.newKeySet();
            set.add(watcher);
            return set;
        });
    }

    private void forget(Watcher watcher) {
        watchers.computeIfPresent(watcher.first.roundId(), (id, round) -> {
            round.remove(watcher);
            return round.isEmpty() ? null : round;
        });
    }

    private static void failed(Throwable e) {
        log.error("live standings stopped: {}", e.toString(), e);
    }

    private record Heard(Watcher watcher, TicketView view) {}

    /** One stream. Its fields are only touched on the scheduler's thread, but for the sink, which serializes. */
    private final class Watcher {

        final TicketView first;
        final long queueNumber;
        final FluxSink<TicketView> sink;
        TicketView sent;
        long sentNanos;

        Watcher(TicketView first, FluxSink<TicketView> sink) {
            this.first = first;
            this.queueNumber = first.queueNumber();
            this.sink = sink;
        }

        /**
         * A tick's counter, still short of this ticket: a position event when it is new and this is the ticket's tick,
         * or when the ticket's tick passed without a snapshot (a tick skipped while the instance was busy).
         */
        void offer(ServingState state, long tick, long now) {
            long position = Math.max(1, queueNumber - state.served());
            if (position == sent.position() && state.waiting() == sent.waiting()) {
                return;
            }
            long ticks = ticksFor(minEventGapNanos(position));
            boolean itsTick = (tick + queueNumber) % ticks == 0;
            boolean overdue = now - sentNanos > (ticks + 1) * tickNanos;
            if (!itsTick && !overdue) {
                return;
            }
            send(first.waitingAgainst(state), now);
        }

        /** A standing read from Valkey while the ticker was silent. */
        void hear(TicketView view, long now) {
            if (view.terminal()) {
                forget(this);
                sink.next(view);
                sink.complete();
            } else if (view.position() != sent.position() || view.waiting() != sent.waiting()) {
                send(view, now);
            }
        }

        void send(TicketView view, long now) {
            sent = view;
            sentNanos = now;
            sink.next(view);
        }
    }
}
