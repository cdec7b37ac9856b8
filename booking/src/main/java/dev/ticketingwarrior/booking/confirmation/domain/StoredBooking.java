package dev.ticketingwarrior.booking.confirmation.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;

/**
 * A booking as MySQL has it: confirmed, or rejected because its seat or ticket was already taken. Its round is its
 * id's.
 */
public record StoredBooking(
        BookingId id,
        Status status,
        String seatId,
        String ticketId,
        String nickname,
        boolean bot,
        long durationMs,
        Splits splits,
        Instant bookedAt) {

    public RoundId round() {
        return id.round();
    }

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
