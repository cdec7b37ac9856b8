package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The holds of a round: one per ticket, each backed by a {@link SeatLock}. */
public interface Holds {

    /**
     * Records {@code hold} (whose lock is already claimed) and releases the ticket's previous hold, atomically. Gives
     * the lock back when the seat turned out sold, the ticket already booked, or its player's place released
     * ({@link PlaceReleased}). A registered hold also names {@code holder} as the seat's taker since the hold's time
     * (what a human who finds the seat taken is told). With {@code requireSoldKnown}, a round whose sold seats Redis may
     * not know (no mark of a restore: it came back empty) is {@link SoldSeatsUnknown}, nothing written and the lock
     * kept.
     */
    Registration register(
            RoundId round,
            HoldRecord hold,
            Holder holder,
            Duration lease,
            Duration retention,
            boolean requireSoldKnown);

    Optional<HoldRecord> find(RoundId round, String holdId);

    /** The ticket's current hold, if it still exists. */
    Optional<HoldRecord> currentOf(RoundId round, String ticketId);

    /**
     * Ends a hold: releases its lock if still owned, clears it from the map, and (when {@code finished}) records the
     * ticket among the round's finished players. False if the hold was already gone.
     */
    boolean close(RoundId round, HoldRecord hold, boolean finished, Duration retention);

    /**
     * Clears the holds of {@code round} that ran out by {@code now} without a booking (each ticket's stale pointer to
     * its latest hold, and the hold's seat-map entry), each once; the number cleared. Nobody is reported finished for
     * it: a player whose hold ran out may still hold again while the round is open.
     */
    int clearAbandoned(RoundId round, Instant now);

    /** Who holds: a nickname and whether it is a bot (a bot's nickname is never shown). */
    record Holder(String nickname, boolean bot) {}

    /** The outcome of {@link #register}. */
    sealed interface Registration
            permits Registered, SeatSold, TicketBooked, LockLost, PlaceReleased, SoldSeatsUnknown {}

    record Registered(Optional<String> releasedHoldId) implements Registration {}

    record SeatSold() implements Registration {}

    record TicketBooked() implements Registration {}

    record LockLost() implements Registration {}

    /**
     * Admission timed the player out (or it had released as a bot) and the round has no room under {@code maxActive}
     * to take it back: nothing written, the lock given back.
     */
    record PlaceReleased() implements Registration {}

    /** Redis has no mark that it holds the round's sold seats: they must be restored from MySQL first. */
    record SoldSeatsUnknown() implements Registration {}
}
