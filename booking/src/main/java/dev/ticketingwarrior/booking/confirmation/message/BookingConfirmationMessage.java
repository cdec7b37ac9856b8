package dev.ticketingwarrior.booking.confirmation.message;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.Optional;

/**
 * The SQS payload of an accepted booking (queue {@code booking-confirmations}): what the outbox sends and the listener
 * reads, and what Redis keeps as the booking's pending copy ({@code {r:<roundId>}:booking:<bookingId>}), so a retry
 * sends again exactly what was kept. Its JSON is the {@link AcceptedBooking} flattened, ids as text; the domain never
 * sees it.
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

    public static BookingConfirmationMessage of(AcceptedBooking booking) {
        return new BookingConfirmationMessage(
                booking.id().value(),
                booking.round().value(),
                booking.seatId(),
                booking.ticketId(),
                booking.nickname(),
                booking.bot(),
                booking.fencingToken(),
                booking.roundOpenedAt(),
                booking.enteredAt(),
                booking.admittedAt(),
                booking.heldAt(),
                booking.bookedAt());
    }

    /** The booking, if every field a row needs is present and the round id is one (a poison message is not). */
    public Optional<AcceptedBooking> booking() {
        if (!isComplete()) {
            return Optional.empty();
        }
        return RoundId.parse(roundId)
                .map(round -> new AcceptedBooking(
                        new BookingId(round, bookingId),
                        seatId,
                        ticketId,
                        nickname,
                        bot,
                        fencingToken,
                        roundOpenedAt,
                        enteredAt,
                        admittedAt,
                        heldAt,
                        bookedAt));
    }

    private boolean isComplete() {
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
