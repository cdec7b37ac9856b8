package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.round.redis.AttemptKeys;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;

/**
 * The Redis key layout of one round's sale: seat locks, holds, sold seats, bookings and Idempotency-Key answers. Every key starts with the round's hash tag {@code {r:<roundId>}}, so the Lua
 * scripts that touch several of them run in one cluster slot, and every key expires after its round.
 */
public record RoundKeys(RoundId round) {

    /** The Redisson fenced lock that claims a seat (a hash: owner field → reentry count). */
    public String seatLock(String seatId) {
        return round.hashTag() + ":seat-lock:" + seatId;
    }

    /** Redisson's fencing counter beside {@link #seatLock}; the name follows Redisson's {@code prefixName} rule. */
    public String seatLockToken(String seatId) {
        return "redisson_lock_token:" + seatLock(seatId);
    }

    public String seatLockPrefix() {
        return round.hashTag() + ":seat-lock:";
    }

    /** HASH seatId → {@code <holdId>|<expiresAt epoch ms>} of seats held right now (stale entries are ignored). */
    public String heldSeats() {
        return round.hashTag() + ":held";
    }

    /** HASH seatId → bookingId of seats sold. */
    public String soldSeats() {
        return round.hashTag() + ":sold";
    }

    /** HASH of one hold: ticket, seat, owner (lock field), token, heldAt, expiresAt. */
    public String hold(String holdId) {
        return holdPrefix() + holdId;
    }

    public String holdPrefix() {
        return round.hashTag() + ":hold:";
    }

    /** HASH ticketId → its current holdId (one hold per ticket). */
    public String ticketHolds() {
        return round.hashTag() + ":ticket-hold";
    }

    /** HASH ticketId → bookingId (one booking per ticket). */
    public String ticketBookings() {
        return new AttemptKeys(round).bookings();
    }

    /** STRING, set by the sold-seat restorer's pass over all of the round's rows: Redis still holds what it wrote. */
    public String soldRestored() {
        return round.hashTag() + ":sold-restored";
    }

    /** STRING JSON of an accepted booking until MySQL has it (GET answers PENDING from it), and a while after. */
    public String pendingBooking(String bookingId) {
        return round.hashTag() + ":booking:" + bookingId;
    }

    /** STRING CONFIRMED | REJECTED, once MySQL has the row of {@link #pendingBooking}: kept for a while beside it. */
    public String bookingOutcome(String bookingId) {
        return round.hashTag() + ":booking-outcome:" + bookingId;
    }

    /** HASH of the answer to one Idempotency-Key of one ticket: fingerprint, done, outcome, booking, seat. */
    public String idempotency(String ticketId, String keyDigest) {
        return round.hashTag() + ":idem:" + ticketId + ":" + keyDigest;
    }

    /** ZSET bookingId → epoch ms it was sold (or last claimed by a reconciler), while its confirmation is not surely queued. */
    public String openSales() {
        return round.hashTag() + ":open-sales";
    }

    /** HASH bookingId → JSON of an open sale (the buyer, the Idempotency-Key, the hold), to send its confirmation again. */
    public String openSaleRecords() {
        return round.hashTag() + ":open-sale";
    }

    /**
     * SET of tickets that finished (booked) or, for a bot, gave up (released its hold), read by admission; a ticket that
     * holds again leaves it.
     */
    public String finishedPlayers() {
        return SharedRoundKeys.finishedPlayers(round);
    }
}
