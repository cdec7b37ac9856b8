package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.ranking.domain.Rank;
import dev.ticketingwarrior.booking.ranking.domain.RankingService;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a booking: final in MySQL (CONFIRMED / REJECTED), else accepted and still PENDING in Redis. */
public class BookingQueries {

    private static final Logger log = LoggerFactory.getLogger(BookingQueries.class);
    /** MySQL down leaves every booking poll without its rank: one line every 10 s, with how many it stands for. */
    private static final RepeatedWarnings rankless = new RepeatedWarnings(log);

    private final Bookings bookings;
    private final KeptBookings keptBookings;
    private final RankingService ranking;

    public BookingQueries(Bookings bookings, KeptBookings keptBookings, RankingService ranking) {
        this.bookings = bookings;
        this.keptBookings = keptBookings;
        this.ranking = ranking;
    }

    /**
     * While MySQL does not answer, a booking Redis still keeps is answered from there: PENDING, or for a while after its
     * row was written, CONFIRMED or REJECTED without a rank (only MySQL can rank it). A row read just before MySQL stops
     * answering is likewise answered without its rank.
     */
    public Optional<BookingView> find(BookingId id) {
        Optional<StoredBooking> stored;
        try {
            stored = bookings.find(id);
        } catch (RuntimeException mysqlDown) {
            try {
                Optional<BookingView> kept = keptBookings.find(id).map(BookingQueries::view);
                if (kept.isPresent()) {
                    return kept;
                }
            } catch (RuntimeException redisDownToo) {
                mysqlDown.addSuppressed(redisDownToo);
            }
            throw mysqlDown; // not kept: only MySQL can say
        }
        if (stored.isPresent()) {
            return Optional.of(view(stored.get()));
        }
        Optional<KeptBookings.KeptBooking> kept = keptBookings.find(id);
        if (kept.isPresent() && kept.get().pending()) {
            return Optional.of(view(kept.get()));
        }
        // the listener marks a copy resolved only after its row is written: a copy resolved (or gone) between the two
        // reads means the row is there now (without this, a booking confirmed at that moment was answered 404)
        return bookings.find(id).map(this::view);
    }

    private BookingView view(StoredBooking b) {
        return new BookingView(
                b.id().value(),
                b.status().name(),
                b.round().value(),
                b.seatId(),
                b.nickname(),
                b.bot(),
                b.durationMs(),
                b.splits(),
                rankOf(b));
    }

    /** The row was read as MySQL stopped answering: it is shown without its rank, which the player asks again for. */
    private Rank rankOf(StoredBooking b) {
        try {
            return ranking.rank(b);
        } catch (RuntimeException mysqlDown) {
            rankless.warn("rank", "booking {} answered without its rank: {}", b.id(), mysqlDown.toString());
            return null;
        }
    }

    private static BookingView view(KeptBookings.KeptBooking kept) {
        AcceptedBooking b = kept.booking();
        return new BookingView(
                b.id().value(),
                kept.pending() ? "PENDING" : kept.outcome().name(),
                b.round().value(),
                b.seatId(),
                b.nickname(),
                b.bot(),
                b.durationMs(),
                b.splits(),
                null);
    }
}
