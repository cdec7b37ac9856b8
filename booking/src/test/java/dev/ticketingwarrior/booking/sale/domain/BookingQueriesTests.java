package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeats;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.ranking.domain.RankingService;
import dev.ticketingwarrior.booking.ranking.domain.UnansweredRankings;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A booking read back: final from the database with its rank, else as the sale keeps it, else nothing. */
class BookingQueriesTests {

    private final RoundId round = Fakes.round().id();
    private final Map<BookingId, StoredBooking> stored = new HashMap<>();
    private final Fakes.SalesInMemory sales = new Fakes.SalesInMemory();
    private RuntimeException mysqlDown;
    /** Thrown by the rank's counts only. */
    private RuntimeException rankingDown;
    /** Runs once, right after the first database read: what the listener does at that moment. */
    private Runnable afterFirstRead = () -> {};

    private final BookingQueries queries = new BookingQueries(
            new StoredBookings(),
            sales,
            new RankingService(
                    new FixedRankings(), new Venue(10, 10, 2, 3), Fakes.clockAt(OPENS), Duration.ofSeconds(1), 20));

    @Test
    void aConfirmedHumanBookingComesWithItsRank() {
        BookingId id = BookingId.next(round);
        stored.put(id, stored(id, StoredBooking.Status.CONFIRMED, false));

        BookingView view = queries.find(id).orElseThrow();

        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.durationMs()).isEqualTo(2500);
        assertThat(view.rank().round().position()).isEqualTo(4);
        assertThat(view.rank().round().total()).isEqualTo(10);
        assertThat(view.rank().botsBeatenPercent()).isEqualTo(50.0);
    }

    /** The row was read, then MySQL stopped before the rank's counts: the outcome is known, so it is not a 503. */
    @Test
    void aConfirmedBookingWhoseRankCannotBeCountedIsAnsweredWithoutIt() {
        BookingId id = BookingId.next(round);
        stored.put(id, stored(id, StoredBooking.Status.CONFIRMED, false));
        rankingDown = new IllegalStateException("mysql stopped answering");

        BookingView view = queries.find(id).orElseThrow();

        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.durationMs()).isEqualTo(2500);
        assertThat(view.rank()).isNull();
    }

    @Test
    void botsAndRejectedBookingsHaveNoRank() {
        BookingId bot = BookingId.next(round);
        BookingId rejected = BookingId.next(round);
        stored.put(bot, stored(bot, StoredBooking.Status.CONFIRMED, true));
        stored.put(rejected, stored(rejected, StoredBooking.Status.REJECTED, false));

        assertThat(queries.find(bot).orElseThrow().rank()).isNull();
        assertThat(queries.find(rejected).orElseThrow().status()).isEqualTo("REJECTED");
        assertThat(queries.find(rejected).orElseThrow().rank()).isNull();
    }

    @Test
    void anAcceptedBookingNotYetInTheDatabaseIsPending() {
        BookingId id = BookingId.next(round);
        sales.pending.put(id.value(), accepted(id));

        BookingView view = queries.find(id).orElseThrow();

        assertThat(view.status()).isEqualTo("PENDING");
        assertThat(view.roundId()).isEqualTo(round.value());
        assertThat(view.seatId()).isEqualTo("D-4");
        assertThat(view.durationMs()).isEqualTo(1500);
        assertThat(view.splits()).isEqualTo(new StoredBooking.Splits(100, 300, 600, 500));
        assertThat(view.rank()).isNull();
    }

    @Test
    void whileMysqlIsDownAPendingBookingIsAnsweredFromTheSale() {
        BookingId id = BookingId.next(round);
        sales.pending.put(id.value(), accepted(id));
        mysqlDown = new IllegalStateException("mysql is down");

        assertThat(queries.find(id).orElseThrow().status()).isEqualTo("PENDING");
    }

    /** Its row was written just before MySQL stopped: the copy kept beside it tells the outcome, MySQL alone a rank. */
    @Test
    void whileMysqlIsDownABookingResolvedLatelyIsAnsweredWithItsOutcome() {
        BookingId confirmed = BookingId.next(round);
        BookingId rejected = BookingId.next(round);
        sales.pending.put(confirmed.value(), accepted(confirmed));
        sales.pending.put(rejected.value(), accepted(rejected));
        sales.outcomes.put(confirmed.value(), StoredBooking.Status.CONFIRMED);
        sales.outcomes.put(rejected.value(), StoredBooking.Status.REJECTED);
        mysqlDown = new IllegalStateException("mysql is down");

        BookingView view = queries.find(confirmed).orElseThrow();

        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.seatId()).isEqualTo("D-4");
        assertThat(view.durationMs()).isEqualTo(1500);
        assertThat(view.rank()).isNull();
        assertThat(queries.find(rejected).orElseThrow().status()).isEqualTo("REJECTED");
    }

    @Test
    void whileMysqlIsDownABookingNotPendingIsTheOutageNotAnUnknownBooking() {
        mysqlDown = new IllegalStateException("mysql is down");

        assertThatThrownBy(() -> queries.find(BookingId.next(round))).isSameAs(mysqlDown);
    }

    @Test
    void aBookingConfirmedBetweenTheTwoReadsIsFoundNotLost() {
        BookingId id = BookingId.next(round);
        sales.pending.put(id.value(), accepted(id));
        afterFirstRead = () -> { // the listener writes the row, then marks the pending copy with its outcome
            stored.put(id, stored(id, StoredBooking.Status.CONFIRMED, false));
            sales.outcomes.put(id.value(), StoredBooking.Status.CONFIRMED);
        };

        BookingView view = queries.find(id).orElseThrow();

        assertThat(view.status()).isEqualTo("CONFIRMED");
        assertThat(view.rank()).as("read from MySQL, with its rank").isNotNull();
    }

    @Test
    void anUnknownBookingIsNotFound() {
        assertThat(queries.find(BookingId.next(round))).isEmpty();
    }

    private static AcceptedBooking accepted(BookingId id) {
        return new AcceptedBooking(
                id,
                "D-4",
                "t-1",
                "nick",
                false,
                9,
                OPENS,
                OPENS.plusMillis(100),
                OPENS.plusMillis(400),
                OPENS.plusMillis(1000),
                OPENS.plusMillis(1500),
                Optional.empty());
    }

    private StoredBooking stored(BookingId id, StoredBooking.Status status, boolean bot) {
        return new StoredBooking(
                id,
                status,
                "E-5",
                "t-" + id.value(),
                "nick",
                bot,
                2500,
                new StoredBooking.Splits(100, 200, 1200, 1000),
                OPENS.plusMillis(2500));
    }

    private final class StoredBookings implements Bookings {

        @Override
        public Confirmed confirm(List<AcceptedBooking> bookings, String write) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SoldSeats soldSeats(RoundId round, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredBooking> find(BookingId id) {
            if (mysqlDown != null) {
                throw mysqlDown;
            }
            Optional<StoredBooking> found = Optional.ofNullable(stored.get(id));
            Runnable listener = afterFirstRead;
            afterFirstRead = () -> {};
            listener.run();
            return found;
        }
    }

    /** 3 humans faster of 10, 2 bots slower of 4; the week likewise. */
    private final class FixedRankings extends UnansweredRankings {

        @Override
        public RoundCounts roundCounts(RoundId round, long durationMs) {
            if (rankingDown != null) {
                throw rankingDown;
            }
            return new RoundCounts(3, 10, 2, 4);
        }

        @Override
        public WeekCounts weekCounts(LocalDate monday, long durationMs) {
            return new WeekCounts(3, 10);
        }
    }
}
