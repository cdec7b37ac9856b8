package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The holds of a round: one per ticket, each backed by a {@link SeatLock}. */
public interface Holds {

    /**
     * Records {@code hold} (whose lock is already claimed) and releases the ticket's previous hold, atomically. Gives
     * the lock back when the seat turned out sold or the ticket already booked. A registered hold also names
     * {@code holder} as the seat's taker since the hold's time (what a human who finds the seat taken is told).
     */
    Registration register(RoundId round, HoldRecord hold, Holder holder, Duration lease, Duration retention);

    Optional<HoldRecord> find(RoundId round, String holdId);

    /** The ticket's current hold, if it still exists. */
    Optional<HoldRecord> currentOf(RoundId round, String ticketId);

    /**
     * Ends a hold: releases its lock if still owned, clears it from the map, and (when {@code finished}) records the
     * ticket among the round's finished players. False if the hold was already gone.
     */
    boolean close(RoundId round, HoldRecord hold, boolean finished, Duration retention);

    /**
     * Clears the players of {@code round} whose latest hold ran out by {@code now} without a booking (their stale hold
     * pointers), each once, and reports the bots among them gone: added to the round's finished players, so admission
     * frees their {@code maxActive} slots. A human is not reported: it may still hold again while the round is open.
     * The number cleared, humans and bots.
     */
    int reportAbandoned(RoundId round, Instant now, Duration retention);

    /** Who holds: a nickname and whether it is a bot (a bot's nickname is never shown). */
    record Holder(String nickname, boolean bot) {}

    /** The outcome of {@link #register}. */
    sealed interface Registration permits Registered, SeatSold, TicketBooked, LockLost {}

    record Registered(Optional<String> releasedHoldId) implements Registration {}

    record SeatSold() implements Registration {}

    record TicketBooked() implements Registration {}

    record LockLost() implements Registration {}
}
