package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.ranking.domain.Rank;

/** {@code GET /api/v1/bookings/{bookingId}}: where a booking stands, its times and (confirmed humans) its rank. */
public record BookingView(
        String bookingId,
        String status,
        String roundId,
        String seatId,
        String nickname,
        boolean bot,
        long durationMs,
        StoredBooking.Splits splits,
        Rank rank) {}
