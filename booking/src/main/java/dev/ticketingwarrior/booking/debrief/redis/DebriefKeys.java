package dev.ticketingwarrior.booking.debrief.redis;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;

/**
 * The debrief's Redis keys of one round, under the round's hash tag {@code {r:<roundId>}} like the rest, so the sale's
 * scripts can write the seat's taker and the booking into them in the same call. All expire with the round's keys.
 */
public record DebriefKeys(RoundId round) {

    /**
     * HASH of one human ticket's attempt: pid, nick, qn, qat, adm (bound by its first recorded call), letterAt,
     * answers, lastSeatAt, heldAt, and once booked bookedAt, bookingId, bookedSeat, bookedHeldAt (times in epoch ms).
     * A ticket the round closed on has closedAt, served, admHumans, admWithin instead of adm and what follows it; an
     * erased attempt leaves only {@code erased}.
     */
    public String attempt(String ticketId) {
        return round.hashTag() + ":attempt:" + ticketId;
    }

    /** LIST of the ticket's seat attempts, oldest first: {@code atMs|seat|result|takerSinceMs|takerBot|takerNick}. */
    public String seats(String ticketId) {
        return round.hashTag() + ":attempt-seats:" + ticketId;
    }

    /** SET of the round's recorded (human) tickets: what the archive reads. */
    public String tickets() {
        return round.hashTag() + ":attempts";
    }

    /** HASH player id → its ticket in this round (a nickname has one ticket per round), for erasing. */
    public String players() {
        return round.hashTag() + ":attempt-player";
    }

    /**
     * HASH seatId → {@code sinceMs|bot|nick} of whoever last held the seat, written by every registered hold (bots
     * too), read only when a human finds the seat taken.
     */
    public String seatTakers() {
        return round.hashTag() + ":seat-taker";
    }

    /** STRING {@code claimed} while an instance archives the round, {@code done} once it is archived. */
    /**
     * HASH ticketId → bookingId of the round's tickets that booked, written by the sale ({@code RoundKeys} names it
     * through this): a ticket with a booking is never bound from admission's record as one that made no call.
     */
    public String ticketBookings() {
        return round.hashTag() + ":ticket-booking";
    }

    public String archive() {
        return round.hashTag() + ":attempts-archive";
    }

    /** Admission's count of the round's entries (M in "N of M"). */
    public String entries() {
        return SharedRoundKeys.entrySequence(round);
    }
}
