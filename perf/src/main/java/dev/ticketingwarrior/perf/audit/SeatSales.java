package dev.ticketingwarrior.perf.audit;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Booking's live view of a round's sales (Redis): seats sold, and the accepted bookings it keeps a copy of. */
interface SeatSales {

    /** seatId → bookingId of the seats sold, or empty when the round has no such record (never had, or expired). */
    Optional<Map<String, String>> sold(String roundId);

    /** The ids of the bookings booking keeps a pending copy of (every accepted or in-doubt booking of the round). */
    Set<String> pendingBookings(String roundId);
}
