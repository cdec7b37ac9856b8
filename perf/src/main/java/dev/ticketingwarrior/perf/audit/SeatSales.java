package dev.ticketingwarrior.perf.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Booking's live view of a round's sales (Redis): seats sold, and the accepted bookings it keeps a copy of. */
interface SeatSales {

    /** seatId → bookingId of the seats sold, or empty when the round has no such record (never had, or expired). */
    Optional<Map<String, String>> sold(String roundId);

    /** The ids of the bookings booking keeps a pending copy of (every accepted or in-doubt booking of the round). */
    Set<String> pendingBookings(String roundId);

    /**
     * The pending copies of these bookings of the round, by booking id; a copy gone meanwhile (expired), or not
     * readable as a booking, is left out.
     */
    Map<String, PendingCopy> pendingCopies(String roundId, Collection<String> bookingIds);

    /** What the auditor reads of a pending copy (booking's {@code PendingCopy}). */
    record PendingCopy(String bookingId, String seatId, String ticketId, boolean bot) {}
}
