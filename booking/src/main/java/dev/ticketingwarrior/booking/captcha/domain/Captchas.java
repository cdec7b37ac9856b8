package dev.ticketingwarrior.booking.captcha.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.Optional;

/** Issued security letters (single use) and the tickets that solved one. */
public interface Captchas {

    void store(RoundId round, String captchaId, Issued letter, Duration ttl);

    /** Removes and returns the letter: every answer, right or wrong, uses it up. */
    Optional<Issued> take(RoundId round, String captchaId);

    void markSolved(RoundId round, String ticketId, Duration retention);

    boolean isSolved(RoundId round, String ticketId);

    /** What was asked of whom. */
    record Issued(String answer, String ticketId) {}
}
