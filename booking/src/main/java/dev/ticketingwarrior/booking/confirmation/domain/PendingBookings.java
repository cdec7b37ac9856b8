package dev.ticketingwarrior.booking.confirmation.domain;

import java.util.Collection;

/**
 * The copies of accepted bookings kept outside MySQL until their rows exist (booking answers PENDING from them, also
 * while MySQL is down). Told once rows are written, so a copy lives exactly until its booking is resolved.
 */
public interface PendingBookings {

    /** These bookings now have their rows (CONFIRMED or REJECTED): their copies may go. */
    void resolved(Collection<BookingId> bookings);
}
