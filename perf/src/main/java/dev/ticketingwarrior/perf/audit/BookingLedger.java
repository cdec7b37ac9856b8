package dev.ticketingwarrior.perf.audit;

import java.time.Instant;
import java.util.List;

/** Where bookings end: the rows of a round, confirmed and rejected (MySQL's {@code bookings} and
 * {@code rejected_bookings}). */
interface BookingLedger {

    /** Every row of the round in both tables; throws when the database cannot be read. */
    Rows rows(String roundId);

    /** A row of either table; {@code settledAt} is {@code confirmed_at} or {@code rejected_at}. */
    record Row(String bookingId, String seatId, String ticketId, boolean bot, Instant bookedAt, Instant settledAt) {}

    record Rows(List<Row> confirmed, List<Row> rejected) {

        public Rows {
            confirmed = List.copyOf(confirmed);
            rejected = List.copyOf(rejected);
        }
    }
}
