package dev.ticketingwarrior.booking.debrief.redis;

import dev.ticketingwarrior.booking.round.redis.AttemptKeys;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;

/**
 * The debrief's Redis keys of one round, under the round's hash tag {@code {r:<roundId>}} like the rest, so the sale's
 * scripts can write the seat's taker and the booking into them in the same call. All expire with the round's keys.
 */
public record DebriefKeys(RoundId round) {

    /** HASH of one human ticket's attempt ({@link AttemptKeys#attempt}): the sale's scripts write its booking. */
    public String attempt(String ticketId) {
        return new AttemptKeys(round).attempt(ticketId);
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

    /** HASH seatId → its last taker ({@link AttemptKeys#seatTakers}), written by every registered hold. */
    public String seatTakers() {
        return new AttemptKeys(round).seatTakers();
    }

    /** HASH ticketId → bookingId of the round's tickets that booked ({@link AttemptKeys#bookings}). */
    public String ticketBookings() {
        return new AttemptKeys(round).bookings();
    }

    /** STRING {@code claimed} while an instance archives the round, {@code done} once it is archived. */
    public String archive() {
        return round.hashTag() + ":attempts-archive";
    }

    /** Admission's count of the round's entries (M in "N of M"). */
    public String entries() {
        return SharedRoundKeys.entrySequence(round);
    }
}
