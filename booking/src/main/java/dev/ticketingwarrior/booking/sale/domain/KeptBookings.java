package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import java.util.Optional;

/**
 * The bookings a sale accepted, as kept until MySQL has their rows (what a lookup answers PENDING) and for a while
 * after, with their outcome: what a booking's read and a replay of its key answer from before MySQL does.
 */
public interface KeptBookings {

    Optional<KeptBooking> find(BookingId id);

    /** An accepted booking as the sale keeps it; {@code outcome} is null while its row is not written. */
    record KeptBooking(AcceptedBooking booking, StoredBooking.Status outcome) {

        public boolean pending() {
            return outcome == null;
        }
    }
}
