package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static dev.ticketingwarrior.booking.sale.domain.Fakes.player;
import static dev.ticketingwarrior.booking.sale.domain.Fakes.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Open sales settled by sending their confirmation again, on an in-memory sale and confirmation queue. */
class SaleReconcilerTests {

    private static final Instant SOLD = OPENS.plusSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Fakes.SalesInMemory sales = new Fakes.SalesInMemory();
    private final Fakes.OutboxInMemory outbox = new Fakes.OutboxInMemory();
    private final Round round = round();
    private final String holdId = hold("alice", "C-3");

    private String hold(String ticketId, String seatId) {
        HoldRecord hold = new HoldRecord(
                HoldId.next().value(), ticketId, seatId, "owner-of-" + seatId, 42, OPENS.plusSeconds(2), SOLD);
        sales.holds.put(hold.holdId(), hold);
        return hold.holdId();
    }

    private static BookingService booking(Fakes.SalesInMemory sales, ConfirmationOutbox outbox) {
        RoundClock clock = Fakes.clockAt(SOLD);
        return new BookingService(
                sales,
                sales,
                outbox,
                new Fakes.BookingsInMemory(),
                clock,
                new RoundRetention(clock, Duration.ofMinutes(10)),
                new SimpleMeterRegistry());
    }

    private SaleReconciler reconcilerAt(Instant now) {
        return reconcilerOn(Fakes.clockAt(now));
    }

    private SaleReconciler reconcilerOn(RoundClock clock) {
        return new SaleReconciler(
                sales,
                outbox,
                clock,
                new RoundRetention(clock, Duration.ofMinutes(10)),
                GRACE,
                100,
                new SimpleMeterRegistry());
    }

    /** The booking service is killed after the sale, before the confirmation's send: only the sale is left. */
    private void sellAndDie() {
        RoundClock clock = Fakes.clockAt(SOLD);
        Sales.Attempt attempt = sales.sell(
                round.id(),
                new Sales.KeyedRequest("alice", "key-1", "holdId=" + holdId),
                holdId,
                new Sales.Buyer(
                        BookingId.next(round.id()),
                        "nick-alice",
                        false,
                        OPENS,
                        OPENS.plusMillis(200),
                        OPENS.plusMillis(500),
                        SOLD,
                        Optional.empty()),
                BookingService.keep(round, new RoundRetention(clock, Duration.ofMinutes(10))));
        assertThat(attempt).isInstanceOf(Sales.Sold.class);
        sales.calls.clear();
    }

    @Test
    void aSaleLeftOpenIsSentAgainAndAcceptedAfterTheGrace() {
        sellAndDie();

        assertThat(reconcilerAt(SOLD.plus(GRACE).minusSeconds(1)).reconcile())
                .as("within the grace the request may still be running")
                .isZero();
        assertThat(reconcilerAt(SOLD.plus(GRACE)).reconcile()).isEqualTo(1);

        assertThat(outbox.sent).singleElement().satisfies(booking -> {
            assertThat(booking.seatId()).isEqualTo("C-3");
            assertThat(booking.ticketId()).isEqualTo("alice");
            assertThat(booking.nickname()).isEqualTo("nick-alice");
            assertThat(booking.bookedAt()).isEqualTo(SOLD);
        });
        String bookingId = outbox.sent.getFirst().id().value();
        assertThat(sales.calls).containsExactly("committed " + bookingId);
        RoundClock settledAt = Fakes.clockAt(SOLD.plus(GRACE));
        assertThat(sales.keptFor)
                .as("kept as long as a request settling it then would keep it")
                .containsExactly(BookingService.keep(round, new RoundRetention(settledAt, Duration.ofMinutes(10))));
        assertThat(sales.open).isEmpty();
        assertThat(booking(sales, outbox).book(round, player("alice", false, false), "key-1", holdId))
                .as("the player's retry with the same key learns the booking")
                .isEqualTo(
                        new BookingOutcome.Accepted(BookingId.parse(bookingId).orElseThrow(), "C-3"));
    }

    @Test
    void aSendThatFailsLeavesTheSaleOpenForTheNextRun() {
        sellAndDie();
        outbox.failure = new IllegalStateException("SQS is down");

        assertThatThrownBy(() -> reconcilerAt(SOLD.plus(GRACE)).reconcile()).isSameAs(outbox.failure);
        assertThat(sales.open).hasSize(1);

        outbox.failure = null;
        assertThat(reconcilerAt(SOLD.plus(GRACE).plusSeconds(5)).reconcile())
                .as("claimed by the failed run, so not again within the grace")
                .isZero();
        assertThat(reconcilerAt(SOLD.plus(GRACE).plus(GRACE)).reconcile()).isEqualTo(1);
        assertThat(sales.open).isEmpty();
    }

    @Test
    void aSaleLeftOpenRoundsAgoIsSettledWhileItsRoundsKeysAreKept() {
        sellAndDie(); // SQS away, or every booking instance down, for five rounds

        assertThat(reconcilerAt(SOLD.plus(Duration.ofMinutes(5))).reconcile()).isEqualTo(1);
        assertThat(outbox.sent)
                .singleElement()
                .satisfies(booking -> assertThat(booking.seatId()).isEqualTo("C-3"));
        assertThat(sales.open).isEmpty();
    }

    @Test
    void aSaleOpenPastItsRoundsRetentionIsSettledByTheSlowerWalk() {
        sellAndDie(); // away for half an hour: past the round's keys' retention (10 min), within its sale's (1 h more)
        SteppedClock time = new SteppedClock(SOLD.plus(Duration.ofMinutes(30)));
        SaleReconciler reconciler = reconcilerOn(new RoundClock(time, Fakes.PERIOD, Fakes.OPEN_FOR));
        outbox.failure = new IllegalStateException("SQS is still down");
        assertThatThrownBy(reconciler::reconcile)
                .as("the first pass walks the older rounds too")
                .isSameAs(outbox.failure);
        outbox.failure = null;
        time.advance(GRACE.plusSeconds(5));

        for (int pass = 2; pass <= SaleReconciler.OLDER_EVERY; pass++) {
            assertThat(reconciler.reconcile())
                    .as("pass %d walks the kept rounds only", pass)
                    .isZero();
            time.advance(Duration.ofSeconds(5));
        }
        assertThat(reconciler.reconcile()).isEqualTo(1);
        assertThat(outbox.sent).hasSize(1);
        assertThat(sales.open).isEmpty();
    }

    @Test
    void aRoundWhoseSalesAreNoLongerKeptIsNotWalked() {
        sellAndDie();

        assertThat(reconcilerAt(SOLD.plus(Duration.ofHours(2))).reconcile()).isZero();
        assertThat(outbox.sent).isEmpty();
    }

    @Test
    void aSettledSaleIsNotSentAgain() {
        assertThat(booking(sales, outbox).book(round, player("alice", false, false), "key-1", holdId))
                .isInstanceOf(BookingOutcome.Accepted.class);

        assertThat(reconcilerAt(SOLD.plus(GRACE).plus(GRACE)).reconcile()).isZero();
        assertThat(outbox.sent).hasSize(1);
    }

    @Test
    void anInDoubtSaleIsSentAgainByTheReconcilerToo() {
        outbox.failure = new ConfirmationOutbox.InDoubtException("no acknowledgement", null);
        assertThatThrownBy(() -> booking(sales, outbox).book(round, player("alice", false, false), "key-1", holdId))
                .isSameAs(outbox.failure);
        outbox.failure = null;

        assertThat(reconcilerAt(SOLD.plus(GRACE)).reconcile()).isEqualTo(1);
        assertThat(outbox.sent).hasSize(1);
        assertThat(sales.open).isEmpty();
    }

    @Test
    void aPassAfterAnOutageNamesItsFirstBookingsAndCountsTheRest() {
        assertThat(SaleReconciler.named(List.of("b1", "b2"))).isEqualTo("b1, b2");
        assertThat(SaleReconciler.named(List.of("b1", "b2", "b3", "b4", "b5", "b6", "b7")))
                .isEqualTo("b1, b2, b3, b4, b5 and 2 more");
    }
}
