package dev.ticketingwarrior.booking.confirmation.domain;

import java.time.Instant;

/** A booking as MySQL has it: confirmed, or rejected because its seat or ticket was already taken. */
public record StoredBooking(
        String bookingId,
        Status status,
        String roundId,
        String seatId,
        String ticketId,
        String nickname,
        boolean bot,
        long durationMs,
        Splits splits,
        Instant bookedAt) {

    /** Final states in the database. */
    public enum Status {
        CONFIRMED,
        REJECTED
    }

    /** open→entered, entered→admitted, admitted→held, held→booked, all in ms. */
    public record Splits(long entryMs, long waitMs, long seatMs, long confirmMs) {

        /** Milliseconds from {@code from} to {@code to}, never negative. */
        static long between(Instant from, Instant to) {
            return Math.max(0, to.toEpochMilli() - from.toEpochMilli());
        }
    }
}
