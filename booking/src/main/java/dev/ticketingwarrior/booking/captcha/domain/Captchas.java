package dev.ticketingwarrior.booking.captcha.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Issued security letters (single use) and the tickets that solved one. */
public interface Captchas {

    void store(RoundId round, String captchaId, Issued letter, Duration ttl);

    /**
     * Answers the letter {@code captchaId} of {@code ticketId} in one step: every answer, right or wrong, uses the letter
     * up, and a right one marks the ticket solved for {@code retention}. {@code answer} is stripped and upper-cased;
     * it is right if it equals the letter's answer upper-cased. An answer to the ticket's own letter is also its
     * player's sign of life {@code at} for admission's {@code maxActive} (SPEC §4); from a player admission timed out
     * while the round has no room to take it back it is {@link LetterAnswer#RELEASED}, and nothing is used up.
     */
    LetterAnswer answer(
            RoundId round, String captchaId, String ticketId, String answer, Instant at, Duration retention);

    boolean isSolved(RoundId round, String ticketId);

    /** The letter {@code captchaId} while it can be answered (issued, not yet answered, not expired). */
    Optional<Issued> find(RoundId round, String captchaId);

    /** What was asked of whom. */
    record Issued(String answer, String ticketId) {}
}
