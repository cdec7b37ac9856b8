package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seats sold in Redis, the fast first line against oversell (MySQL is the final arbiter), together with the answer
 * each {@code Idempotency-Key} got: deciding a booking and remembering its answer is one atomic step, and a booking
 * costs two calls on its usual path ({@link #sell}, then {@link Sale#commit} once the confirmation is queued).
 */
public interface Sales {

    /**
     * Atomically: if the request's key already has an answer (or is in progress), that answer. Otherwise sells the
     * seat of the ticket's hold {@code holdId} (null: no such hold) to the buyer's booking if the hold is the ticket's,
     * its lock still owned, the ticket not booked and the seat not sold, and marks the key in progress; a refusal is
     * stored as the key's final answer at once. A seat sold is an open {@link Sale}, which the caller settles once the
     * confirmation's send has ended.
     */
    Attempt sell(RoundId round, KeyedRequest request, String holdId, Buyer buyer, Retention retention);

    /**
     * Open sales of the round sold (or last claimed) before {@code soldBefore}, at most {@code limit}: their booking
     * request ended without settling them, so without knowing whether SQS has the confirmation. Each is claimed until
     * {@code now} plus the same grace, so reconcilers of other instances leave it alone meanwhile, and is settled with
     * {@code retention} as if its request had.
     */
    List<Sale> claimOpen(RoundId round, Instant soldBefore, Instant now, int limit, Retention retention);

    /** The key's in-doubt booking was queued after all (sent again and acknowledged): the key is answered accepted. */
    void resolve(RoundId round, KeyedRequest request, BookingId bookingId, String seatId, Retention retention);

    /** The key's answer (or in-progress mark), without deciding anything: what a replay after the round's close reads. */
    Optional<Answered> answer(RoundId round, KeyedRequest request);

    /** Whose request, under which {@code Idempotency-Key}, and what it asked ({@code fingerprint}). */
    record KeyedRequest(String ticketId, String key, String fingerprint) {}

    /**
     * Who buys, known before the sale: with the hold it sells, the booking. {@code playerId}: the human's id across
     * rounds when it sent its device secret (empty for bots and humans without it).
     */
    record Buyer(
            BookingId bookingId,
            String nickname,
            boolean bot,
            Instant roundOpenedAt,
            Instant enteredAt,
            Instant admittedAt,
            Instant bookedAt,
            Optional<PlayerId> playerId) {

        public AcceptedBooking booking(HoldRecord hold) {
            return new AcceptedBooking(
                    bookingId,
                    hold.seatId(),
                    hold.ticketId(),
                    nickname,
                    bot,
                    hold.fencingToken(),
                    roundOpenedAt,
                    enteredAt,
                    admittedAt,
                    hold.heldAt(),
                    bookedAt,
                    playerId);
        }
    }

    /**
     * How long things are kept: a key's answer (its in-progress mark too: only the sale's completion, by the request or
     * by the reconciler, ends it), a sale, and at most the pending copy of an accepted booking (once MySQL has the row it
     * is kept only a little longer, so this bounds copies whose booking was never resolved).
     */
    record Retention(Duration answer, Duration sale, Duration pending) {}

    /** The outcome of {@link #sell}. */
    sealed interface Attempt permits Sold, Refused, Answered {}

    /** The seat is sold to the booking: its confirmation must be queued now, and the sale settled. */
    record Sold(Sale sale) implements Attempt {}

    /** Not sold, and this is now the key's answer; {@code seatId} is set for {@link Outcome#SEAT_TAKEN}. */
    record Refused(Outcome reason, String seatId) implements Attempt {}

    /**
     * The key was used before: what it was used for and, once {@code done}, what it got; {@code bookingId} is the
     * booking an {@link Outcome#ACCEPTED} or {@link Outcome#IN_DOUBT} answer names (empty in the other states).
     */
    record Answered(String fingerprint, boolean done, Outcome outcome, Optional<BookingId> bookingId, String seatId)
            implements Attempt {

        public Answered {
            Objects.requireNonNull(bookingId, "bookingId");
        }
    }

    /** What a key can be answered. */
    enum Outcome {
        ACCEPTED,
        IN_DOUBT,
        UNKNOWN_HOLD,
        HOLD_EXPIRED,
        ALREADY_BOOKED,
        SEAT_TAKEN
    }
}
