package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import java.util.Optional;

/**
 * The outcomes booking keeps in Redis for a while after a booking's row is written: what a debrief tells while MySQL
 * does not answer, instead of PENDING.
 */
public interface KeptOutcomes {

    /** CONFIRMED or REJECTED, if the booking's row was written lately; empty otherwise (still pending, or long ago). */
    Optional<Outcome.Status> of(BookingId bookingId);
}
