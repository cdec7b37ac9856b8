package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.List;
import java.util.Optional;

/**
 * The attempts of closed rounds (MySQL), written once per round by the archive and kept after the round's Redis keys
 * expire. Outcomes are read from the bookings at read time, so a confirmation that lands late still shows.
 */
public interface ArchivedAttempts {

    /** Stores the attempts (idempotent: the same attempt again replaces itself). */
    void save(List<Attempt> attempts, Long entered);

    Optional<AttemptResult> find(RoundId round, String ticketId);

    /** Every archived human attempt of the round (its seat attempts left out). */
    List<AttemptResult> ofRound(RoundId round);

    /** The outcome of a booking as MySQL has it now: CONFIRMED, REJECTED, or PENDING when it has no row yet. */
    Outcome outcomeOf(BookingId bookingId);

    /** The player's latest attempts, newest first (their seat attempts left out). */
    List<AttemptResult> ofPlayer(PlayerId player, int limit);

    History.Totals totals(PlayerId player);

    /** The player's fastest won attempt in a round before {@code before} ({@code null}: any round). */
    Optional<Debrief.PersonalBest> personalBest(PlayerId player, RoundId before);

    /** Erases every attempt of the player; how many. */
    int erase(PlayerId player);
}
