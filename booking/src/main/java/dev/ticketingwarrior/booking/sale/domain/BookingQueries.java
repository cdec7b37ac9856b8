package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.ranking.domain.RankingService;
import java.util.Optional;

/** Finds a booking: final in MySQL (CONFIRMED / REJECTED), else accepted and still PENDING in Redis. */
public class BookingQueries {

    private final Bookings bookings;
    private final Sales sales;
    private final RankingService ranking;

    public BookingQueries(Bookings bookings, Sales sales, RankingService ranking) {
        this.bookings = bookings;
        this.sales = sales;
        this.ranking = ranking;
    }

    /** A PENDING answer is also given while MySQL does not answer, if the booking is pending in Redis. */
    public Optional<BookingView> find(BookingId id) {
        Optional<StoredBooking> stored;
        try {
            stored = bookings.find(id);
        } catch (RuntimeException mysqlDown) {
            try {
                Optional<BookingView> pending =
                        sales.pending(id.round(), id.value()).map(BookingQueries::pending);
                if (pending.isPresent()) {
                    return pending;
                }
            } catch (RuntimeException redisDownToo) {
                mysqlDown.addSuppressed(redisDownToo);
            }
            throw mysqlDown; // not known to be pending: only MySQL can say
        }
        if (stored.isPresent()) {
            return Optional.of(view(stored.get()));
        }
        Optional<BookingView> pending = sales.pending(id.round(), id.value()).map(BookingQueries::pending);
        if (pending.isPresent()) {
            return pending;
        }
        // the listener lets a pending copy go only after its row is written: a copy that went between the two reads
        // means the row is there now (without this, a booking confirmed at that moment was answered 404)
        return bookings.find(id).map(this::view);
    }

    private BookingView view(StoredBooking b) {
        return new BookingView(
                b.bookingId(),
                b.status().name(),
                b.roundId(),
                b.seatId(),
                b.nickname(),
                b.bot(),
                b.durationMs(),
                b.splits(),
                ranking.rank(b));
    }

    private static BookingView pending(AcceptedBooking b) {
        return new BookingView(
                b.id().value(),
                "PENDING",
                b.round().value(),
                b.seatId(),
                b.nickname(),
                b.bot(),
                b.durationMs(),
                b.splits(),
                null);
    }
}
