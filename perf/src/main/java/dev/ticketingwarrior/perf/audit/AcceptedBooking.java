package dev.ticketingwarrior.perf.audit;

/**
 * A booking a journey got a 202 for, as the journey saw it. {@code polledStatus} is what its last
 * {@code GET /api/v1/bookings/{id}} answered: {@code CONFIRMED}, {@code REJECTED}, {@code PENDING}, or null when it
 * never polled.
 */
public record AcceptedBooking(
        String roundId, String bookingId, String seatId, String ticketId, boolean bot, String polledStatus) {

    boolean polledConfirmed() {
        return "CONFIRMED".equals(polledStatus);
    }

    boolean polledRejected() {
        return "REJECTED".equals(polledStatus);
    }
}
