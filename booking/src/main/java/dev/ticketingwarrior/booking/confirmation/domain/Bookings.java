package dev.ticketingwarrior.booking.confirmation.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The durable record of bookings; the database is the final arbiter of oversell. */
public interface Bookings {

    /**
     * Stores each booking idempotently: a new one is CONFIRMED unless its seat (or ticket) already has another
     * booking, then it is REJECTED; a booking seen before keeps its state. Returns the state of each booking id, and
     * which of them this write decided: {@code write} names it, the same on every try of it (a try that failed after
     * its rows landed leaves them to the next try), so the others were decided by another write (a message delivered
     * again).
     *
     * @throws UnstorableBookingException when the database refuses a booking of the batch as it is (no row of the
     *     batch may have landed, or some may: every step is idempotent, so the same write of fewer bookings completes
     *     them)
     */
    Confirmed confirm(List<AcceptedBooking> bookings, String write);

    /** The state of each booking of a {@link #confirm} call; {@code decidedNow}: those it decided itself. */
    record Confirmed(Map<BookingId, StoredBooking.Status> states, Set<BookingId> decidedNow) {

        public Confirmed {
            states = Map.copyOf(states);
            decidedNow = Set.copyOf(decidedNow);
        }
    }

    Optional<StoredBooking> find(BookingId id);

    /**
     * The round's CONFIRMED seats (what Redis's sold seats must agree with) confirmed at or after {@code since} by the
     * database's clock ({@link Instant#EPOCH}: all of them).
     */
    SoldSeats soldSeats(RoundId round, Instant since);
}
