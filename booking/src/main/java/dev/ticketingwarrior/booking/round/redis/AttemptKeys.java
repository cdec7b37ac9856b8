package dev.ticketingwarrior.booking.round.redis;

import dev.ticketingwarrior.shared.round.RoundId;

/**
 * The keys of a round's attempts that the sale's scripts write and the debrief reads: a ticket's attempt, the round's
 * booked tickets and each seat's last taker. Under the round's hash tag {@code {r:<roundId>}}, so a sale's script
 * writes them in the same call as the seat; they expire with the round's keys.
 */
public record AttemptKeys(RoundId round) {

    /**
     * HASH of one human ticket's attempt: pid, nick, qn, qat, adm (bound by its first recorded call), letterAt,
     * answers, lastSeatAt, heldAt, and once booked bookedAt, bookingId, bookedSeat, bookedHeldAt (times in epoch ms).
     * A ticket the round closed on has closedAt, served, admHumans, admWithin instead of adm and what follows it; an
     * erased attempt leaves only {@code erased}.
     */
    public String attempt(String ticketId) {
        return round.hashTag() + ":attempt:" + ticketId;
    }

    /**
     * HASH ticketId → bookingId of the round's tickets that booked (one booking per ticket), written by the sale: a
     * ticket with a booking is never bound from admission's record as one that made no call.
     */
    public String bookings() {
        return round.hashTag() + ":ticket-booking";
    }

    /**
     * HASH seatId → {@code sinceMs|bot|nick} of whoever last held the seat, written by every registered hold (bots
     * too), read only when a human finds the seat taken.
     */
    public String seatTakers() {
        return round.hashTag() + ":seat-taker";
    }
}
