package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SoldSeatRestorerTests {

    private static final Duration ALL_EVERY = Duration.ofSeconds(20);

    private final Fakes.SalesInMemory sales = new Fakes.SalesInMemory();
    private final Fakes.BookingsInMemory mysql = new Fakes.BookingsInMemory();
    private final SteppedClock time = new SteppedClock(OPENS.plusSeconds(5));
    private final RoundClock clock = new RoundClock(time, Fakes.PERIOD, Fakes.OPEN_FOR);
    private final SoldSeatRestorer restorer = restorerWaiting(Duration.ofSeconds(10));

    @Test
    void aSeatMysqlSoldThatRedisLostIsSoldAgainToTheSameBooking() {
        AcceptedBooking booking = booking("C-3", "alice");
        mysql.confirm(List.of(booking), "test-write");

        assertThat(restorer.restore()).isEqualTo(1);

        assertThat(sales.sold).containsEntry("C-3", booking.id().value());
        assertThat(sales.ticketBookings).containsEntry("alice", booking.id().value());
    }

    @Test
    void inAgreementNothingChanges() {
        AcceptedBooking booking = booking("C-4", "bob");
        mysql.confirm(List.of(booking), "test-write");
        restorer.restore();

        assertThat(restorer.restore()).isZero();
    }

    @Test
    void aSeatRedisSoldToAnotherBookingFollowsMysql() {
        AcceptedBooking winner = booking("C-5", "carol");
        mysql.confirm(List.of(winner), "test-write");
        sales.sold.put("C-5", "someone-else");

        assertThat(restorer.restore()).isEqualTo(1);

        assertThat(sales.sold).containsEntry("C-5", winner.id().value());
    }

    @Test
    void afterAPassOverAllRowsAPassReadsOnlyTheRowsConfirmedSinceTheLastRead() {
        mysql.confirm(List.of(booking("D-1", "dan")), "test-write");
        mysql.now = mysql.now.plusSeconds(10);
        restorer.restore();
        mysql.confirm(List.of(booking("D-2", "eve")), "test-write");
        sales.sold.clear();

        restorer.restore();

        // each pass marks the next round, then every round whose keys are kept, the current one first (the ten before
        // it have no rows): first all, then what is new
        List<String> expected = new ArrayList<>(List.of("all 0", "all 1"));
        expected.addAll(Collections.nCopies(10, "all 0"));
        expected.addAll(List.of("all 0", "since 1"));
        expected.addAll(Collections.nCopies(10, "since 0"));
        assertThat(sales.restores).containsExactlyElementsOf(expected);
        assertThat(sales.sold).containsOnlyKeys("D-2");
    }

    /** A closed round's seat map is public and read from Redis while its keys are kept: it must not lose its sales. */
    @Test
    void aClosedRoundsSeatsRedisLostAreSoldAgainWhileItsKeysAreKept() {
        RoundId closed = RoundId.startingAt(OPENS.minus(Duration.ofMinutes(7)));
        RoundId expired = RoundId.startingAt(OPENS.minus(Duration.ofMinutes(11)));
        mysql.confirm(List.of(booking(closed, "E-1", "ida"), booking(expired, "E-2", "jan")), "test-write");

        assertThat(restorer.restore()).isEqualTo(1);

        assertThat(sales.sold).containsOnlyKeys("E-1");
    }

    @Test
    void aRowStampedJustBeforeTheLastReadButCommittedAfterItIsReadAgain() {
        Instant lastRead = mysql.now.plusSeconds(10);
        mysql.now = lastRead;
        restorer.restore();
        // a batch whose statement started before that read and committed after it: stamped before, seen only now
        mysql.now = lastRead.minus(SoldSeatRestorer.OVERLAP).plusMillis(1);
        mysql.confirm(List.of(booking("D-3", "fay")), "test-write");
        mysql.now = lastRead.plusSeconds(5);

        restorer.restore();

        assertThat(sales.sold).containsKey("D-3");
    }

    @Test
    void aRedisThatCameBackEmptyGetsEveryRowAtOnce() {
        AcceptedBooking old = confirmedAndRestoredLongAgo("D-4", "gus", Duration.ofSeconds(5));
        // a restart without persistence: the seats, the tickets and the marks of the last full passes are gone
        sales.sold.clear();
        sales.ticketBookings.clear();
        sales.restoredMarks.clear();

        assertThat(restorer.restore()).isEqualTo(1);

        assertThat(sales.sold).containsEntry("D-4", old.id().value());
        assertThat(sales.ticketBookings).containsEntry("gus", old.id().value());
    }

    @Test
    void everyRowIsReadAgainOnceAllEveryHasPassed() {
        AcceptedBooking old = confirmedAndRestoredLongAgo("D-5", "hal", Duration.ofSeconds(10));
        // lost while the mark stayed (a key evicted, a replica far behind): a read of the last seconds misses it
        sales.sold.clear();
        restorer.restore();
        assertThat(sales.sold).isEmpty();

        mysql.now = mysql.now.plusSeconds(10);
        time.advance(ALL_EVERY.minusSeconds(10));
        restorer.restore();

        assertThat(sales.sold).containsEntry("D-5", old.id().value());
    }

    /** A round opening while MySQL is down still has its mark: holds in it need not ask MySQL what it sold. */
    @Test
    void eachPassMarksTheNextRoundWithoutAskingMysql() {
        mysql.failure = new IllegalStateException("MySQL does not answer");
        RoundId next = clock.nextAfter(time.instant()).id();

        assertThatThrownBy(restorer::restore).isSameAs(mysql.failure);

        assertThat(sales.restoredMarks).containsExactly(next);
    }

    /** A clock that lags could take a round already selling for one still to come: only rounds well ahead are marked. */
    @Test
    void theNextRoundIsNotMarkedInItsLastSecondsBeforeItOpens() {
        mysql.failure = new IllegalStateException("MySQL does not answer");
        Round next = clock.nextAfter(time.instant());
        time.advance(Duration.between(time.instant(), next.opensAt())
                .minus(SoldSeatRestorer.MARK_AHEAD)
                .plusMillis(1));

        assertThatThrownBy(restorer::restore).isSameAs(mysql.failure);

        assertThat(sales.restoredMarks).isEmpty();
    }

    @Test
    void aHoldsRestoreNowSellsAgainWhatRedisLost() {
        AcceptedBooking booking = booking("F-1", "kim");
        mysql.confirm(List.of(booking), "test-write");

        assertThat(restorer.restoreNow(clock.roundAt(time.instant()))).isTrue();

        assertThat(sales.sold).containsEntry("F-1", booking.id().value());
        assertThat(sales.restoredMarks).contains(clock.roundAt(time.instant()).id());
    }

    /** Holds arriving at once after Redis came back empty: one read of MySQL, which all of them wait for. */
    @Test
    @Timeout(30)
    void holdsAskingWhileARestoreRunsWaitForItAndMysqlIsReadOnce() throws Exception {
        mysql.confirm(List.of(booking("F-2", "lee")), "test-write");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = readsHeldUntil(release);
        Round round = clock.roundAt(time.instant());
        List<CompletableFuture<Boolean>> holds = new ArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                CompletableFuture<Boolean> hold = new CompletableFuture<>();
                holds.add(hold);
                waiting.add(Thread.ofVirtual().start(() -> hold.complete(restorer.restoreNow(round))));
            }
            // each of them parked on the pass before it may end
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!waiting.stream().allMatch(thread -> thread.getState() == Thread.State.TIMED_WAITING)) {
                assertThat(System.nanoTime()).as("the holds wait for the pass").isLessThan(giveUp);
                Thread.sleep(10);
            }
        } finally {
            release.countDown();
        }

        for (CompletableFuture<Boolean> hold : holds) {
            assertThat(hold.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reads).hasValue(1);
        assertThat(sales.sold).containsKey("F-2");
    }

    /**
     * MySQL hangs with its circuit still closed: a hold waits for the restore only so long, then goes on unchecked; once
     * MySQL answers, the round is restored.
     */
    @Test
    @Timeout(30)
    void aHoldDoesNotWaitForASlowRestoreLongerThanItsWait() {
        AcceptedBooking booking = booking("F-3", "max");
        mysql.confirm(List.of(booking), "test-write");
        CountDownLatch release = new CountDownLatch(1);
        readsHeldUntil(release);
        SoldSeatRestorer impatient = restorerWaiting(Duration.ofMillis(50));
        Round round = clock.roundAt(time.instant());

        try {
            assertThat(impatient.restoreNow(round)).isFalse();
            assertThat(sales.sold).isEmpty();
        } finally {
            release.countDown();
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!impatient.restoreNow(round)) {
            assertThat(System.nanoTime()).as("restored once MySQL answers").isLessThan(giveUp);
        }
        assertThat(sales.sold).containsEntry("F-3", booking.id().value());
    }

    @Test
    void aHoldsRestoreNowSaysSoWhenMysqlCannotBeRead() {
        mysql.failure = new IllegalStateException("MySQL does not answer");

        assertThat(restorer.restoreNow(clock.roundAt(time.instant()))).isFalse();

        assertThat(sales.restoredMarks).isEmpty();
    }

    private SoldSeatRestorer restorerWaiting(Duration holdWaitsAtMost) {
        return new SoldSeatRestorer(
                mysql,
                sales,
                clock,
                new RoundRetention(clock, Duration.ofMinutes(10)),
                ALL_EVERY,
                holdWaitsAtMost,
                new SimpleMeterRegistry());
    }

    /** Every read of MySQL's rows from now on waits for {@code release}; how many reads began. */
    private AtomicInteger readsHeldUntil(CountDownLatch release) {
        AtomicInteger reads = new AtomicInteger();
        mysql.beforeRead = () -> {
            reads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return reads;
    }

    /**
     * A booking MySQL confirmed, then a pass over all rows 10 s later (so a read of the rows since that pass no longer
     * sees it), then {@code later} on both clocks.
     */
    private AcceptedBooking confirmedAndRestoredLongAgo(String seat, String ticket, Duration later) {
        AcceptedBooking booking = booking(seat, ticket);
        mysql.confirm(List.of(booking), "test-write");
        mysql.now = mysql.now.plusSeconds(10);
        restorer.restore();
        mysql.now = mysql.now.plus(later);
        time.advance(later);
        return booking;
    }

    private static AcceptedBooking booking(String seat, String ticket) {
        return booking(Fakes.round().id(), seat, ticket);
    }

    private static AcceptedBooking booking(RoundId round, String seat, String ticket) {
        return Fakes.booking(round, seat, ticket);
    }
}
