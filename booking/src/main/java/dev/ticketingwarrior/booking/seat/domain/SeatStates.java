package dev.ticketingwarrior.booking.seat.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Which seats of a round are sold, and until when the held ones are held. */
public interface SeatStates {

    Snapshot snapshot(RoundId round);

    /** Sold seat ids, and held seat id → hold expiry (possibly already past: callers compare with their clock). */
    record Snapshot(Set<String> sold, Map<String, Instant> heldUntil) {}
}
