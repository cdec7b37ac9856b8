package dev.ticketingwarrior.booking.confirmation.domain;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking the sale accepted: its seat is sold in Redis and it is on its way to MySQL. It carries every timestamp the
 * result page needs, all taken by servers: round open, entered and admitted (from the admission token), held and
 * booked. {@code playerId} is who booked across rounds (SPEC §12), known for a human that sent its device secret and
 * empty otherwise (bots, humans without it); the day's and week's leaderboards list each player once by it. How it
 * travels (the SQS message, the pending copy in Redis) is its adapters' business.
 */
public record AcceptedBooking(
        BookingId id,
        String seatId,
        String ticketId,
        String nickname,
        boolean bot,
        long fencingToken,
        Instant roundOpenedAt,
        Instant enteredAt,
        Instant admittedAt,
        Instant heldAt,
        Instant bookedAt,
        Optional<PlayerId> playerId) {

    public AcceptedBooking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(roundOpenedAt, "roundOpenedAt");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(admittedAt, "admittedAt");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(playerId, "playerId");
    }

    public RoundId round() {
        return id.round();
    }

    /** booking accepted − round open. */
    public long durationMs() {
        return StoredBooking.Splits.between(roundOpenedAt, bookedAt);
    }

    /** open→entered, entered→admitted, admitted→held, held→booked. */
    public StoredBooking.Splits splits() {
        return new StoredBooking.Splits(
                StoredBooking.Splits.between(roundOpenedAt, enteredAt),
                StoredBooking.Splits.between(enteredAt, admittedAt),
                StoredBooking.Splits.between(admittedAt, heldAt),
                StoredBooking.Splits.between(heldAt, bookedAt));
    }
}
