package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The attempts of a round while its keys live (Redis): written as the humans play, read by live debriefs and by the
 * archive. Everything expires with the round's other keys.
 */
public interface LiveAttempts {

    /**
     * Records {@code event} of a human that sent its device secret. The first call of a ticket binds it to the player
     * (a later call with another player id changes nothing); {@code retention} is how long the round's keys live.
     */
    void record(RoundId round, Entrant entrant, Event event, Duration retention);

    /**
     * Binds the {@code attempt} of a ticket booking saw no call of (read from admission's record: never admitted, or
     * admitted and silent) to its player unless the ticket is bound already (the first binding wins) or its attempt
     * was erased; the player the ticket is bound to, empty after an erase.
     */
    Optional<PlayerId> bindFromAdmission(Attempt attempt, Duration retention);

    /** The player's attempts in {@code rounds} (at most one a round), as far as their keys live. */
    List<Attempt> ofPlayer(List<RoundId> rounds, PlayerId player);

    /** Whether an instance claimed (or finished) the round's archive: an attempt bound now may be missed by it. */
    boolean archiveStarted(RoundId round);

    /** The ticket's attempt, if it was recorded. */
    Optional<Attempt> find(RoundId round, String ticketId);

    /** Every recorded human attempt of the round, with its seat attempts. */
    List<Attempt> ofRound(RoundId round);

    /** How many entered the round (admission's sequence), empty once its key is gone. */
    Optional<Long> entered(RoundId round);

    /**
     * Claims the archive of {@code round} for {@code lease}: false when another instance holds the claim or the round
     * is already archived. A claim that is never marked {@link #archived} runs out and is claimed again.
     */
    boolean claimArchive(RoundId round, Duration lease);

    /** Marks the round archived for {@code retention}, so no instance archives it again. */
    void archived(RoundId round, Duration retention);

    /** Erases the player's attempt of the round, if any. */
    void erase(RoundId round, PlayerId player);

    /** Who is playing: the ticket, its player id, and what its admission token says. */
    record Entrant(
            String ticketId,
            PlayerId playerId,
            String nickname,
            long queueNumber,
            Instant enteredAt,
            Instant admittedAt) {}

    /** What a call of the player did. */
    sealed interface Event permits LetterIssued, LetterAnswered, SeatTried {}

    /** A security letter was issued (nothing to keep but the binding). */
    record LetterIssued(Instant at) implements Event {}

    /** A letter was answered, right or wrong. */
    record LetterAnswered(Instant at, boolean solved) implements Event {}

    /**
     * A seat was asked for; {@code heldAt} is when the ticket's hold on it was made (HELD only; an earlier time when
     * the player asked again for the seat it already held).
     */
    record SeatTried(Instant at, String seatId, SeatResult result, Optional<Instant> heldAt) implements Event {}
}
