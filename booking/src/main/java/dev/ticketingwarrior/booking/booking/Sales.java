package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.confirmation.BookingConfirmationMessage;
import dev.ticketingwarrior.booking.hold.HoldRecord;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.Optional;

/** Seats sold in Redis: the fast first line against oversell (MySQL is the final arbiter). */
public interface Sales {

    /**
     * Marks the held seat SOLD to {@code booking} and the ticket booked, only if the hold's lock is still owned and
     * the ticket has not booked; the pending booking is kept for {@code retention}.
     */
    Sale sell(RoundId round, HoldRecord hold, BookingConfirmationMessage booking, Duration retention);

    /** Undoes {@link #sell} when the confirmation could not be queued (the hold itself stays). */
    void unsell(RoundId round, HoldRecord hold, String bookingId);

    Optional<String> bookingOf(RoundId round, String ticketId);

    Optional<BookingConfirmationMessage> pending(RoundId round, String bookingId);

    /** The outcome of {@link #sell}. */
    enum Sale {
        SOLD,
        HOLD_EXPIRED,
        ALREADY_BOOKED,
        SEAT_TAKEN
    }
}
