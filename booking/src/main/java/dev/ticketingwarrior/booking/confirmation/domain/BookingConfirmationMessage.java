package dev.ticketingwarrior.booking.confirmation.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * The SQS payload of an accepted booking (queue {@code booking-confirmations}). It carries every timestamp the result
 * page needs, all taken by servers: round open, entered and admitted (from the admission token), held and booked.
 */
public record BookingConfirmationMessage(
        String bookingId,
        String roundId,
        String seatId,
        String ticketId,
        String nickname,
        boolean bot,
        long fencingToken,
        Instant roundOpenedAt,
        Instant enteredAt,
        Instant admittedAt,
        Instant heldAt,
        Instant bookedAt) {

    /** Whether every field a row needs is present (a poison message is not). */
    @JsonIgnore
    public boolean isComplete() {
        return bookingId != null
                && roundId != null
                && seatId != null
                && ticketId != null
                && nickname != null
                && roundOpenedAt != null
                && enteredAt != null
                && admittedAt != null
                && heldAt != null
                && bookedAt != null;
    }
}
