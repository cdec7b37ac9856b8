package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static dev.ticketingwarrior.booking.sale.domain.Fakes.player;
import static dev.ticketingwarrior.booking.sale.domain.Fakes.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of a booking and its Idempotency-Key, on an in-memory sale and confirmation queue. */
class BookingServiceTests {

    private static final Instant NOW = OPENS.plusSeconds(3);

    private final Fakes.SalesInMemory sales = new Fakes.SalesInMemory();
    private final Fakes.OutboxInMemory outbox = new Fakes.OutboxInMemory();
    private final Fakes.BookingsInMemory mysql = new Fakes.BookingsInMemory();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RoundClock clock = Fakes.clockAt(NOW);
    private final BookingService service = new BookingService(
            sales, sales, outbox, mysql, clock, new RoundRetention(clock, Duration.ofMinutes(10)), meters);
    private final Round round = round();
    private final Player alice = player("alice", false, false);
    private final String holdId = hold("alice", "C-3");

    private String hold(String ticketId, String seatId) {
        HoldRecord hold = new HoldRecord(
                HoldId.next().value(),
                ticketId,
                seatId,
                "owner-of-" + seatId,
                42,
                OPENS.plusSeconds(2),
                OPENS.plusSeconds(22));
        sales.holds.put(hold.holdId(), hold);
        return hold.holdId();
    }

    @Test
    void acceptsAHeldSeatOnlyOnceItsConfirmationIsQueued() {
        BookingOutcome outcome = service.book(round, alice, "key-1", holdId);

        assertThat(outcome).isInstanceOf(BookingOutcome.Accepted.class);
        BookingOutcome.Accepted accepted = (BookingOutcome.Accepted) outcome;
        assertThat(accepted.seatId()).isEqualTo("C-3");
        assertThat(outbox.sent).hasSize(1);
        AcceptedBooking booking = outbox.sent.getFirst();
        assertThat(booking.id()).isEqualTo(accepted.bookingId());
        assertThat(accepted.bookingId().round()).isEqualTo(round.id());
        assertThat(booking.seatId()).isEqualTo("C-3");
        assertThat(booking.ticketId()).isEqualTo("alice");
        assertThat(booking.nickname()).isEqualTo("nick-alice");
        assertThat(booking.fencingToken()).isEqualTo(42);
        assertThat(booking.durationMs()).isEqualTo(3000);
        assertThat(booking.splits()).isEqualTo(new StoredBooking.Splits(200, 300, 1500, 1000));
        assertThat(sales.calls).containsExactly("sell " + holdId, "committed " + accepted.bookingId());
        assertThat(sales.pending).containsKey(accepted.bookingId().value());
        assertThat(meters.counter("ticketing.bookings", "result", "accepted").count())
                .isEqualTo(1);
    }

    @Test
    void theBookingCarriesWhoBookedWhenThePlayerSentItsSecret() {
        PlayerId kim = PlayerId.of("nick-kim", "a-device-secret-of-22-chars");
        Player withSecret = new Player(player("kim", false, false).claims(), false, Optional.of(kim));
        service.book(round, withSecret, "key-1", hold("kim", "D-4"));
        service.book(round, alice, "key-2", holdId);

        assertThat(outbox.sent)
                .extracting(AcceptedBooking::playerId)
                .containsExactly(Optional.of(kim), Optional.empty());
    }

    @Test
    void theSameKeyGetsTheSameAnswerAndBooksOnce() {
        BookingOutcome first = service.book(round, alice, "key-1", holdId);

        assertThat(service.book(round, alice, "key-1", holdId)).isEqualTo(first);
        assertThat(outbox.sent).hasSize(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        service.book(round, alice, "key-1", holdId);

        assertThat(service.book(round, alice, "key-1", hold("alice", "C-4"))).isEqualTo(new BookingOutcome.KeyReused());
    }

    @Test
    void aDuplicateWhileTheFirstIsInFlightIsAskedToRetry() {
        sales.answers.put("alice|key-1", new Sales.Answered("holdId=" + holdId, false, null, Optional.empty(), null));

        assertThat(service.book(round, alice, "key-1", holdId)).isEqualTo(new BookingOutcome.InProgress());
        assertThat(outbox.sent).isEmpty();
    }

    @Test
    void oneBookingPerTicket() {
        service.book(round, alice, "key-1", holdId);

        assertThat(service.book(round, alice, "key-2", hold("alice", "C-4")))
                .isEqualTo(new BookingOutcome.AlreadyBooked());
    }

    @Test
    void aSeatSoldMeanwhileIsTaken() {
        sales.sold.put("C-3", "someone-else");

        assertThat(service.book(round, alice, "key-1", holdId)).isEqualTo(new BookingOutcome.SeatTaken("C-3"));
        assertThat(service.book(round, alice, "key-1", holdId))
                .as("the refusal is the key's answer")
                .isEqualTo(new BookingOutcome.SeatTaken("C-3"));
        assertThat(outbox.sent).isEmpty();
    }

    @Test
    void anUnknownOrExpiredHoldIsRefused() {
        assertThat(service.book(round, alice, "key-1", "../../etc"))
                .isEqualTo(new BookingOutcome.UnknownHold("no hold ../../etc"));
        assertThat(sales.calls).as("a malformed id is looked up as no hold").containsExactly("sell null");
        assertThat(service.book(round, alice, "key-2", hold("bob", "C-9")))
                .isInstanceOf(BookingOutcome.UnknownHold.class);
        sales.expiredLocks.add(holdId);
        assertThat(service.book(round, alice, "key-3", holdId))
                .isEqualTo(new BookingOutcome.UnknownHold("hold " + holdId + " expired"));
    }

    @Test
    void aQueueThatRefusesUndoesTheSaleAndTheSameKeyMayRetry() {
        outbox.failure = new IllegalStateException("SQS refused the message");

        assertThatThrownBy(() -> service.book(round, alice, "key-1", holdId)).isSameAs(outbox.failure);
        assertThat(sales.sold).isEmpty();
        assertThat(sales.ticketBookings).isEmpty();
        assertThat(sales.answers).isEmpty();
        assertThat(sales.holds).as("the hold stays").containsKey(holdId);

        outbox.failure = null;
        assertThat(service.book(round, alice, "key-1", holdId)).isInstanceOf(BookingOutcome.Accepted.class);
    }

    @Test
    void anAcknowledgementThatNeverCameKeepsTheSaleAndARetrySendsTheSameBooking() {
        outbox.failure = new ConfirmationOutbox.InDoubtException("no acknowledgement", null);

        assertThatThrownBy(() -> service.book(round, alice, "key-1", holdId)).isSameAs(outbox.failure);
        String bookingId = sales.ticketBookings.get("alice");
        assertThat(sales.sold).containsEntry("C-3", bookingId);
        assertThat(sales.calls).contains("in_doubt " + bookingId).noneMatch(call -> call.startsWith("abandoned"));

        outbox.failure = null;
        BookingOutcome retry = service.book(round, alice, "key-1", holdId);

        assertThat(retry)
                .isEqualTo(
                        new BookingOutcome.Accepted(BookingId.parse(bookingId).orElseThrow(), "C-3"));
        assertThat(outbox.sent).extracting(b -> b.id().value()).containsExactly(bookingId);
        assertThat(sales.calls).endsWith("resolve " + bookingId);
        assertThat(service.book(round, alice, "key-1", holdId)).isEqualTo(retry);
        assertThat(outbox.sent).hasSize(1);
    }

    /** The in-doubt booking was queued after all and written, so its pending copy is gone: the retry learns it. */
    @Test
    void anInDoubtKeyWhoseBookingIsAlreadyWrittenIsAnsweredWithThatBooking() {
        outbox.failure = new ConfirmationOutbox.InDoubtException("no acknowledgement", null);
        assertThatThrownBy(() -> service.book(round, alice, "key-1", holdId)).isSameAs(outbox.failure);
        String bookingId = sales.ticketBookings.get("alice");
        AcceptedBooking queuedAfterAll = sales.pending.remove(bookingId);
        mysql.confirm(List.of(queuedAfterAll), "test-write");
        outbox.failure = null;

        BookingOutcome retry = service.book(round, alice, "key-1", holdId);

        assertThat(retry)
                .isEqualTo(
                        new BookingOutcome.Accepted(BookingId.parse(bookingId).orElseThrow(), "C-3"));
        assertThat(outbox.sent).as("nothing to send again").isEmpty();
        assertThat(sales.calls).endsWith("resolve " + bookingId);
    }

    /** An in-doubt answer that names no booking of the round (Redis read it so): nothing to send, nothing resolved. */
    @Test
    void anInDoubtKeyThatNamesNoBookingIsAnsweredAlreadyBookedWithoutSending() {
        sales.answers.put(
                "alice|key-1",
                new Sales.Answered("holdId=" + holdId, true, Sales.Outcome.IN_DOUBT, Optional.empty(), "C-3"));

        assertThat(service.book(round, alice, "key-1", holdId)).isEqualTo(new BookingOutcome.AlreadyBooked());
        assertThat(outbox.sent).isEmpty();
        assertThat(sales.calls).noneMatch(call -> call.startsWith("resolve"));
    }

    /** Written, and its copy kept a while longer with its outcome: the retry sends nothing again either. */
    @Test
    void anInDoubtKeyWhoseKeptCopyHasItsOutcomeIsNotSentAgain() {
        outbox.failure = new ConfirmationOutbox.InDoubtException("no acknowledgement", null);
        assertThatThrownBy(() -> service.book(round, alice, "key-1", holdId)).isSameAs(outbox.failure);
        String bookingId = sales.ticketBookings.get("alice");
        mysql.confirm(List.of(sales.pending.get(bookingId)), "test-write");
        sales.outcomes.put(bookingId, StoredBooking.Status.CONFIRMED);
        outbox.failure = null;

        BookingOutcome retry = service.book(round, alice, "key-1", holdId);

        assertThat(retry)
                .isEqualTo(
                        new BookingOutcome.Accepted(BookingId.parse(bookingId).orElseThrow(), "C-3"));
        assertThat(outbox.sent).as("nothing to send again").isEmpty();
    }

    @Test
    void aSaleThatNeverRanLeavesTheKeyFreeForTheRetry() {
        sales.sellFailure = new IllegalStateException("redis is down");

        assertThatThrownBy(() -> service.book(round, alice, "key-1", holdId)).isSameAs(sales.sellFailure);
        assertThat(sales.calls).containsExactly("sell " + holdId);
        assertThat(meters.counter("ticketing.bookings", "result", "unavailable").count())
                .isEqualTo(1);

        sales.sellFailure = null;
        assertThat(service.book(round, alice, "key-1", holdId)).isInstanceOf(BookingOutcome.Accepted.class);
    }

    @Test
    void aRetryAfterASaleWhoseReplyWasLostWaitsForItInsteadOfBeingToldTheTicketBooked() {
        sales.sellReplyLost = new IllegalStateException("redis timed out after the script ran");
        assertThatThrownBy(() -> service.book(round, alice, "key-1", holdId)).isSameAs(sales.sellReplyLost);
        sales.sellReplyLost = null;

        assertThat(service.book(round, alice, "key-1", holdId))
                .as("the same key: the sale it made is in progress, not another ticket's booking")
                .isEqualTo(new BookingOutcome.InProgress());
        assertThat(outbox.sent).isEmpty();
    }

    @Test
    void anAcceptedBookingStaysAcceptedWhenItsHoldCannotBeClosed() {
        sales.commitFailure = new IllegalStateException("redis is down");

        BookingOutcome outcome = service.book(round, alice, "key-1", holdId);

        assertThat(outcome).isInstanceOf(BookingOutcome.Accepted.class);
        assertThat(outbox.sent).hasSize(1);
    }
}
