package dev.ticketingwarrior.booking.sale.domain;

import java.time.Instant;

/** The outcome of asking for a seat. */
public sealed interface HoldResult {

    /** {@code heldAt}: when the hold was made (earlier than now when the player asked again for its held seat). */
    record Held(String holdId, String seatId, Instant heldAt, Instant expiresAt) implements HoldResult {}

    record Taken(String seatId) implements HoldResult {}

    record UnknownSeat(String seatId) implements HoldResult {}

    record CaptchaRequired() implements HoldResult {}

    record AlreadyBooked() implements HoldResult {}

    /** The player's place went to the next in line while it was silent, and the round has no room to give it back. */
    record PlaceReleased() implements HoldResult {}
}
