package dev.ticketingwarrior.booking.confirmation.domain;

import java.util.Map;

/**
 * The copies of accepted bookings kept outside MySQL (booking answers PENDING from them, also while MySQL is down).
 * Told once rows are written: a copy then carries its booking's outcome for a while, so a player who looks during a
 * MySQL outage that began right after the row was written reads CONFIRMED or REJECTED instead of a 503.
 */
public interface PendingBookings {

    /** These bookings now have their rows, with these outcomes. */
    void resolved(Map<BookingId, StoredBooking.Status> outcomes);
}
