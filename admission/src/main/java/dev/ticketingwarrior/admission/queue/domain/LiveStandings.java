package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Every ticket watched live on this instance, told of its round's serving counter at each tick. The
 * {@link ServingTicker}'s snapshots, a silence check and a keep-alive beat are the only timers: a watcher is a few
 * fields and a place in a set, with no timer, operator chain or Valkey read of its own while the ticker ticks.
 *
 * <p>Each watcher lives on a home thread of its caller's choosing (a stream's connection's event loop, so its events
 * are written where its socket is served, without a hand-off per event), and the watchers of one home are only touched
 * on that thread: each tick is one task per home, the homes' passes run side by side, and within a pass the watchers
 * the counter reached are seen to first, so an {@code admitted} never waits behind the tick's position events.
 *
 * <p>A watcher hears: its first standing at once; a new position (or waiting count) at most every 250 ms within the
 * first 100, every 500 ms to 1,000 and every second further back (SPEC §4: at most four a second), always from the
 * tick that changed it; its {@code admitted} (with the token) or {@code closed} standing as soon as a tick shows the
 * counter reached it or the round closed; and, after {@code keepAlive}/2 without anything new, the standing it heard
 * last, again (the web layer sends that repeat as a {@code heartbeat} event). While the ticker is silent for a round
 * (it is stopped or its Valkey calls fail) each of the round's watchers reads its own ticket once a second instead.
 */
public final class LiveStandings {

    private static final Logger log = LoggerFactory.getLogger(LiveStandings.class);

    /** How long a round may go without a snapshot before its watchers read their tickets themselves. */
    static final Duration SILENCE = Duration.ofSeconds(1);

    /** Reads of the watchers' own tickets in flight at once, per home, while the ticker is silent. */
    private static final int SILENT_READS = 64;

    /** Watchers offered a tick's counter in one task on their home thread. */
    private static final int SLICE = 256;

    private static final long NEAR_GAP_NANOS = Duration.ofMillis(250).toNanos();
    private static final long FAR_GAP_NANOS = Duration.ofMillis(500).toNanos();
    private static final long FARTHEST_GAP_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * Where a watcher's standings go, called on its home thread only. The web layer writes them to the stream.
     */
    public interface Listener {

        /**
         * A standing to send: the first, a newer one, the last one again (a keep-alive), or a terminal one after which
         * the watch is over and the stream should end. False when the stream cannot take it now (its reader is behind):
         * a newer standing is offered at a later tick. A terminal standing is always taken.
         */
        boolean hear(TicketView view);

        /** The watch ended without a terminal standing (the instance stops, or the ticket is gone): end the stream. */
        void end();

        /** The terminal standing could not be read: end the stream; {@code error} is why (for the log). */
        void fail(Throwable error);
    }

    private final QueueService queue;
    private final ServingTicker ticker;
    private final Scheduler scheduler;
    /** The home of the watches made with {@link #watch(TicketView)}: the scheduler's one thread. */
    private final Executor own;

    private final long keepAliveNanos;
    private final long tickNanos;
    /** Tick numbers are counted from here (System.nanoTime), so a tick this instance missed still has its number. */
    private final long origin = System.nanoTime();

    private final Map<Executor, Home> homes = new ConcurrentHashMap<>();

    private volatile Disposable running;

    /**
     * @param scheduler one thread: the timers, and the home of the watches made without one
     * @param keepAlive no stream goes longer than this without hearing something
     */
    public LiveStandings(QueueService queue, ServingTicker ticker, Scheduler scheduler, Duration keepAlive) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.own = task -> scheduler.schedule(task);
        this.keepAliveNanos = keepAlive.toNanos();
        this.tickNanos = ticker.tick().toNanos();
        if (keepAliveNanos <= 0) {
            throw new IllegalArgumentException("keepAlive must be positive, not " + keepAlive);
        }
    }

    public void start() {
        Duration beat = Duration.ofNanos(keepAliveNanos / 2);
        running = Disposables.composite(
                ticker.snapshots().subscribe(snapshot -> everyHome(home -> home.tell(snapshot)), LiveStandings::failed),
                Flux.interval(SILENCE, SILENCE, scheduler)
                        .onBackpressureDrop()
                        .subscribe(ignored -> everyHome(Home::readWhereSilent), LiveStandings::failed),
                Flux.interval(beat, beat, scheduler)
                        .onBackpressureDrop()
                        .subscribe(ignored -> everyHome(Home::keepAlive), LiveStandings::failed));
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
        everyHome(Home::endAll);
    }

    /** Stopped after it ran: the feed is gone until the next {@link #start()}. */
    private boolean stopped() {
        Disposable now = running;
        return now != null && now.isDisposed();
    }

    /**
     * Watches a ticket whose standing {@code first} was just read, on {@code home}: {@code listener} hears
     * {@code first} itself, then as described above, until it is admitted or closed, the watch is disposed, or the
     * instance stops.
     */
    public Disposable watch(TicketView first, Executor home, Listener listener) {
        Home itsHome = homes.computeIfAbsent(home, Home::new);
        if (first.terminal()) {
            itsHome.run(() -> listener.hear(first));
            return Disposables.disposed();
        }
        Watcher watcher = new Watcher(first, listener, itsHome);
        itsHome.run(watcher::begin);
        return watcher;
    }

    /**
     * Live standings of a ticket whose standing {@code first} was just read, as a {@link Flux} watched on this
     * instance's own thread. When the subscriber falls behind only the latest standing waits.
     */
    public Flux<TicketView> watch(TicketView first) {
        return Flux.create(
                sink -> sink.onDispose(watch(first, own, new Listener() {
                    @Override
                    public boolean hear(TicketView view) {
                        sink.next(view);
                        if (view.terminal()) {
                            sink.complete();
                        }
                        return true;
                    }

                    @Override
                    public void end() {
                        sink.complete();
                    }

                    @Override
                    public void fail(Throwable error) {
                        sink.error(error);
                    }
                })),
                FluxSink.OverflowStrategy.LATEST);
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

    /** The number of the tick nearest {@code nanos}: snapshots come a few milliseconds either side of its boundary. */
    private long tickAt(long nanos) {
        return (nanos - origin + tickNanos / 2) / tickNanos;
    }

    private void everyHome(Consumer<Home> task) {
        for (Home home : homes.values()) {
            home.run(() -> task.accept(home));
        }
    }

    private static void failed(Throwable e) {
        log.error("live standings stopped: {}", e.toString(), e);
    }

    /** One home thread's watchers, by round; touched on that thread only. */
    private final class Home {

        final Executor executor;
        final Map<RoundId, Set<Watcher>> rounds = new HashMap<>();
        /** Rounds whose watchers are reading their own tickets right now (a silent ticker), so reads do not pile up. */
        final Set<RoundId> reading = new HashSet<>();

        Home(Executor executor) {
            this.executor = executor;
        }

        void run(Runnable task) {
            try {
                executor.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("live standings: a pass failed: {}", e.toString(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // the home thread is shutting down, and its connections with it
                log.debug("live standings: a home thread refused a pass: {}", e.toString());
            }
        }

        void add(Watcher watcher) {
            rounds.computeIfAbsent(watcher.first.roundId(), id -> new HashSet<>())
                    .add(watcher);
        }

        void remove(Watcher watcher) {
            Set<Watcher> round = rounds.get(watcher.first.roundId());
            if (round != null && round.remove(watcher) && round.isEmpty()) {
                rounds.remove(watcher.first.roundId());
            }
        }

        void tell(RoundSnapshot snapshot) {
            Set<Watcher> round = rounds.get(snapshot.round().id());
            if (round == null) {
                return;
            }
            long tick = tickAt(System.nanoTime());
            ServingState state = snapshot.state();
            List<Watcher> reached = new ArrayList<>();
            for (Watcher watcher : round) {
                if (snapshot.closed() || state.served() >= watcher.queueNumber) {
                    reached.add(watcher);
                }
            }
            reached.forEach(this::finish);
            offer(round.toArray(Watcher[]::new), 0, state, tick);
        }

        /**
         * Offers the tick's counter to {@code watchers} from {@code from} on, a slice a task: what the home thread was
         * given meanwhile (an {@code admitted} standing read from Valkey, other connections' I/O) runs between slices
         * rather than after the whole pass.
         */
        private void offer(Watcher[] watchers, int from, ServingState state, long tick) {
            int to = Math.min(watchers.length, from + SLICE);
            long now = System.nanoTime();
            for (int i = from; i < to; i++) {
                if (!watchers[i].over) {
                    watchers[i].offer(state, tick, now);
                }
            }
            if (to < watchers.length) {
                run(() -> offer(watchers, to, state, tick));
            }
        }

        /** The counter reached the ticket or the round closed: its last standing (with the token) comes from Valkey. */
        private void finish(Watcher watcher) {
            remove(watcher);
            queue.status(watcher.first.ticketId())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .subscribe(
                            found -> run(() -> found.ifPresentOrElse(watcher::heardLast, watcher::end)),
                            error -> run(() -> watcher.fail(error)));
        }

        void readWhereSilent() {
            for (Map.Entry<RoundId, Set<Watcher>> round : rounds.entrySet()) {
                RoundId id = round.getKey();
                if (!ticker.silentFor(id, SILENCE) || !reading.add(id)) {
                    continue;
                }
                Flux.fromIterable(List.copyOf(round.getValue()))
                        .flatMap(
                                watcher -> queue.status(watcher.first.ticketId())
                                        .doOnNext(view -> run(() -> watcher.heard(view, System.nanoTime())))
                                        .onErrorResume(e -> {
                                            run(() -> watcher.fail(e));
                                            return Mono.empty();
                                        }),
                                SILENT_READS)
                        .doFinally(signal -> run(() -> reading.remove(id)))
                        .subscribe(view -> {}, LiveStandings::failed);
            }
        }

        void keepAlive() {
            long now = System.nanoTime();
            for (Set<Watcher> round : rounds.values()) {
                for (Watcher watcher : round) {
                    if (now - watcher.sentNanos >= keepAliveNanos / 2) {
                        watcher.send(watcher.sent, now);
                    }
                }
            }
        }

        void endAll() {
            List<Watcher> all = new ArrayList<>();
            rounds.values().forEach(all::addAll);
            all.forEach(Watcher::end);
        }
    }

    /** One stream. Its fields are only touched on its home's thread, but for {@link #cancelled}. */
    private final class Watcher implements Disposable {

        final TicketView first;
        final long queueNumber;
        final Listener listener;
        final Home home;
        TicketView sent;
        long sentNanos;
        /** The last tick whose counter this watcher was offered (or, before any, the tick it began in). */
        long offeredTick;
        /** Heard its last standing, ended or failed: nothing more is sent. */
        boolean over;

        volatile boolean cancelled;

        Watcher(TicketView first, Listener listener, Home home) {
            this.first = first;
            this.queueNumber = first.queueNumber();
            this.listener = listener;
            this.home = home;
        }

        void begin() {
            if (cancelled) {
                close();
                return;
            }
            sent = first;
            sentNanos = System.nanoTime();
            offeredTick = tickAt(sentNanos);
            listener.hear(first);
            if (stopped()) {
                // it was opening (reading its first standing) when the stop came: no feed will follow. On the home
                // thread, so the stop's endAll has run here already, or will find this watcher registered
                end();
                return;
            }
            home.add(this);
        }

        /**
         * A tick's counter, still short of this ticket: a position event when it is new and this is the ticket's tick,
         * or when the ticket's latest tick passed without a pass (a tick skipped while the instance was busy). A
         * change that comes between the ticket's ticks waits for the next one; so does the first change after a long
         * pause, which spreads the burst of a queue starting to move over the ticks of a gap.
         */
        void offer(ServingState state, long tick, long now) {
            long offered = offeredTick;
            offeredTick = tick;
            long position = Math.max(1, queueNumber - state.served());
            if (position == sent.position() && state.waiting() == sent.waiting()) {
                return;
            }
            long ticks = ticksFor(minEventGapNanos(position));
            long itsLatestTick = tick - Math.floorMod(tick + queueNumber, ticks);
            if (itsLatestTick > offered) {
                send(first.waitingAgainst(state), now);
            }
        }

        /** A standing read from Valkey while the ticker was silent. */
        void heard(TicketView view, long now) {
            if (over) {
                return;
            }
            if (view.terminal()) {
                heardLast(view);
            } else if (view.position() != sent.position() || view.waiting() != sent.waiting()) {
                send(view, now);
            }
        }

        /** The standing read once the counter reached the ticket: terminal, or (from an older snapshot) not yet. */
        void heardLast(TicketView view) {
            if (over) {
                return;
            }
            if (!view.terminal()) {
                home.add(this);
                return;
            }
            close();
            listener.hear(view);
        }

        void send(TicketView view, long now) {
            if (listener.hear(view)) {
                sent = view;
                sentNanos = now;
            }
        }

        void end() {
            if (!over) {
                close();
                listener.end();
            }
        }

        void fail(Throwable error) {
            if (!over) {
                close();
                listener.fail(error);
            }
        }

        private void close() {
            if (!over) {
                over = true;
                home.remove(this);
            }
        }

        @Override
        public void dispose() {
            cancelled = true;
            home.run(this::close);
        }

        @Override
        public boolean isDisposed() {
            return cancelled || over;
        }
    }
}
