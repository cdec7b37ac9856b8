package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;

/**
 * The JSON of an accepted booking kept in Redis until MySQL has it ({@code {r:<roundId>}:booking:<bookingId>}, what a
 * lookup answers PENDING, and what a retry of an in-doubt booking sends again). Its fields are those of the SQS
 * message, so copies written before and after a deploy read the same.
 */
record PendingBooking(
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

    static PendingBooking of(AcceptedBooking booking) {
        return new PendingBooking(
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

    AcceptedBooking booking() {
        return new AcceptedBooking(
                new BookingId(new RoundId(roundId), bookingId),
                seatId,
                ticketId,
                nickname,
                bot,
                fencingToken,
                roundOpenedAt,
                enteredAt,
                admittedAt,
                heldAt,
                bookedAt);
    }
}
