package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.Optional;

/** Remembers the answer given to each {@code Idempotency-Key} of a ticket, so a retry gets the same answer. */
public interface IdempotencyStore {

    /** Claims the key with an in-progress marker; the already stored entry if someone claimed it before. */
    Optional<Entry> claim(RoundId round, String ticketId, String key, Entry inProgress, Duration ttl);

    void complete(RoundId round, String ticketId, String key, Entry answer, Duration ttl);

    void forget(RoundId round, String ticketId, String key);

    /**
     * A stored answer: the request's fingerprint, whether it is final, and the outcome (name of the {@link
     * BookingOutcome} variant with its booking and seat).
     */
    record Entry(String fingerprint, boolean done, String outcome, String bookingId, String seatId) {}
}
