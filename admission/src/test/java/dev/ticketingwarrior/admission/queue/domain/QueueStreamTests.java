package dev.ticketingwarrior.admission.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * How a ticket's live stream reads the waiting room: from the shared ticker while it ticks, and by itself only when
 * the ticker is silent. Time passes for real here (the ticker and the fallback are wall-clock intervals).
 */
class QueueStreamTests {

    private static final AdmissionSettings PAUSED = new AdmissionSettings(0, 0, 0, true);

    private final Instant opensAt = Instant.parse("2031-01-01T00:00:00Z");
    private final RoundClock clock = new RoundClock(
            Clock.fixed(opensAt.plusSeconds(2), ZoneOffset.UTC), Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final Round round = clock.roundAt(opensAt.plusSeconds(2));
    private final LiveSettings<AdmissionSettings> settings =
            new LiveSettings<>("admission settings", new InMemorySettingsStore<>(PAUSED), PAUSED);
    private final Scheduler scheduler = Schedulers.newSingle("live-standings-test");
    private CountingWaitingRoom room = new CountingWaitingRoom(10, false);
    private ServingTicker ticker;
    private LiveStandings standings;

    @BeforeEach
    void wire() {
        ticker = new ServingTicker(room, clock, settings, QueueMetrics.NONE, Duration.ofMillis(100));
        QueueService queue = new QueueService(
                room,
                clock,
                settings,
                (ticket, round, at) -> "token",
                ticker,
                QueueMetrics.NONE,
                new EntryLimit(30, Duration.ofSeconds(10)));
        if (standings != null) {
            standings.stop();
        }
        standings = new LiveStandings(queue, ticker, scheduler, Duration.ofSeconds(15));
        standings.start();
    }

    @AfterEach
    void stop() {
        standings.stop();
        scheduler.dispose();
    }

    @Test
    void aStreamReadsNothingItselfWhileTheTickerTicks() throws InterruptedException {
        List<TicketView> seen = watchWhileTicking(Duration.ofMillis(2_500));

        assertThat(room.advances.get()).as("ticks").isGreaterThan(10);
        assertThat(room.standings.get()).as("the stream's own reads").isZero();
        assertThat(seen).extracting(TicketView::status).containsOnly(TicketStatus.WAITING);
    }

    @Test
    void aStreamReadsItsTicketEachSecondWhileNoTickerTicks() throws InterruptedException {
        watchFor(Duration.ofMillis(2_500));

        assertThat(room.advances.get()).as("ticks").isZero();
        assertThat(room.standings.get()).as("the stream's own reads").isBetween(2, 3);
    }

    @Test
    void aPlayerFarBackGetsAboutOnePositionEventASecond() throws InterruptedException {
        admittingAhead(5_000);

        // the position changes with every 100 ms tick; near the front that would be 4 events a second
        List<TicketView> seen = watchWhileTicking(Duration.ofMillis(2_500));

        assertThat(seen).hasSizeBetween(2, 4);
        assertThat(seen).extracting(TicketView::position).doesNotHaveDuplicates();
    }

    @Test
    void aPlayerNearTheFrontGetsUpToFourPositionEventsASecond() throws InterruptedException {
        admittingAhead(90);

        List<TicketView> seen = watchWhileTicking(Duration.ofMillis(2_500));

        assertThat(seen).hasSizeBetween(6, 11);
    }

    @Test
    void stoppingEndsEveryStreamSoTheServerCanDrain() throws InterruptedException {
        TicketView first = TicketView.of(room.ticket, room.state(), TicketStatus.WAITING, null);
        CountDownLatch ended = new CountDownLatch(2);
        standings.watch(first).doOnComplete(ended::countDown).subscribe();
        standings.watch(first).doOnComplete(ended::countDown).subscribe();

        standings.stop();

        assertThat(ended.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStreamThatBeginsAfterTheStopHearsItsStandingAndEndsSoTheDrainIsNotHeld() {
        TicketView first = TicketView.of(room.ticket, room.state(), TicketStatus.WAITING, null);
        standings.stop();

        // it was opening (reading its first standing) when the stop came: no feed will follow
        StepVerifier.create(standings.watch(first))
                .expectNext(first)
                .expectComplete()
                .verify(Duration.ofSeconds(2));
    }

    @Test
    void aWatchHearsOnItsOwnHomeThreadOnly() throws InterruptedException {
        admittingAhead(90);
        ExecutorService home = Executors.newSingleThreadExecutor(task -> new Thread(task, "home-of-the-stream"));
        List<String> threads = new CopyOnWriteArrayList<>();
        TicketView first = TicketView.of(room.ticket, room.state(), TicketStatus.WAITING, null);
        ticker.start();
        try {
            Disposable watching = standings.watch(first, home, new RecordingListener(threads, view -> true));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (threads.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            watching.dispose();
        } finally {
            ticker.stop();
            home.shutdown();
        }

        assertThat(threads).hasSizeGreaterThan(2).containsOnly("home-of-the-stream");
    }

    @Test
    void aStreamThatCannotTakeAPositionHearsANewerOneAtALaterTick() throws InterruptedException {
        admittingAhead(90);
        ExecutorService home = Executors.newSingleThreadExecutor();
        List<TicketView> taken = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        TicketView first = TicketView.of(room.ticket, room.state(), TicketStatus.WAITING, null);
        ticker.start();
        try {
            // the first two positions offered find the stream behind (Netty's buffer past its high-water mark)
            Disposable watching = standings.watch(first, home, new RecordingListener(new ArrayList<>(), view -> {
                if (view != first && refused.getAndIncrement() < 2) {
                    return false;
                }
                taken.add(view);
                return true;
            }));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (taken.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            watching.dispose();
        } finally {
            ticker.stop();
            home.shutdown();
        }

        assertThat(refused.get()).isGreaterThanOrEqualTo(2);
        assertThat(taken).hasSizeGreaterThanOrEqualTo(2).first().isSameAs(first);
        // a standing from a tick after the refused ones: the queue moved on at least a place a tick meanwhile
        assertThat(taken.get(1).position()).isLessThan(first.position() - 2);
    }

    @Test
    void playersFurtherBackGetFewerPositionEvents() {
        assertThat(LiveStandings.minEventGapNanos(1))
                .isEqualTo(Duration.ofMillis(250).toNanos());
        assertThat(LiveStandings.minEventGapNanos(100))
                .isEqualTo(Duration.ofMillis(250).toNanos());
        assertThat(LiveStandings.minEventGapNanos(101))
                .isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(LiveStandings.minEventGapNanos(1_000))
                .isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(LiveStandings.minEventGapNanos(1_001))
                .isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    /** The watched ticket has {@code queueNumber}, and each tick admits one more ticket ahead of it. */
    private void admittingAhead(long queueNumber) {
        room = new CountingWaitingRoom(queueNumber, true);
        wire();
    }

    private List<TicketView> watchWhileTicking(Duration duration) throws InterruptedException {
        ticker.start();
        try {
            return watchFor(duration);
        } finally {
            ticker.stop();
        }
    }

    private List<TicketView> watchFor(Duration duration) throws InterruptedException {
        List<TicketView> seen = new CopyOnWriteArrayList<>();
        TicketView first = TicketView.of(room.ticket, room.state(), TicketStatus.WAITING, null);
        Disposable watching = standings.watch(first).subscribe(seen::add);
        try {
            Thread.sleep(duration.toMillis());
        } finally {
            watching.dispose();
        }
        return seen;
    }

    /** Records the thread of each standing it hears, and takes those {@code takes} says it can. */
    private record RecordingListener(List<String> threads, Predicate<TicketView> takes)
            implements LiveStandings.Listener {

        @Override
        public boolean hear(TicketView view) {
            threads.add(Thread.currentThread().getName());
            return takes.test(view);
        }

        @Override
        public void end() {}

        @Override
        public void fail(Throwable error) {}
    }

    /** One round whose last ticket is the watched one; counts how it is read. */
    private final class CountingWaitingRoom extends UnansweredWaitingRoom {

        final Ticket ticket;
        final AtomicInteger advances = new AtomicInteger();
        final AtomicInteger standings = new AtomicInteger();
        private final boolean admitting;

        /** {@code admitting}: each advance admits one more ticket (never the watched one within a test's time). */
        CountingWaitingRoom(long queueNumber, boolean admitting) {
            this.ticket = new Ticket(
                    new TicketId(round.id(), round.id().value() + "-" + queueNumber + "-" + "0".repeat(24)),
                    new Nickname("watcher"),
                    false,
                    queueNumber,
                    opensAt.plusSeconds(1));
            this.admitting = admitting;
        }

        ServingState state() {
            long served = admitting ? advances.get() : 0;
            return new ServingState(served, ticket.queueNumber(), 0, 0, PAUSED);
        }

        @Override
        public Mono<Standing> standing(Round round, TicketId ticketId, Instant now, AdmissionSettings seed) {
            return Mono.fromSupplier(() -> {
                standings.incrementAndGet();
                return new Standing(ticket, state(), Optional.empty(), Optional.empty());
            });
        }

        @Override
        public Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed) {
            return Mono.fromSupplier(() -> {
                advances.incrementAndGet();
                // no seal: every status here reads the room, which is what these tests count
                return new Advance(state(), 0, now, Optional.empty());
            });
        }
    }
}
