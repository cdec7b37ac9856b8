package dev.ticketingwarrior.botrunner.bot.domain;

import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;
import java.util.Objects;

/**
 * One bot of one round, decided before it starts: its nickname, when it presses "enter" (the open plus its reaction
 * time), its timing, its cancel probability and the seed of its own random choices (so a run can be replayed).
 */
public record BotPlan(
        Round round,
        String nickname,
        Instant scheduledStart,
        TimingProfile timing,
        double cancelProbability,
        long seed) {

    public BotPlan {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        Objects.requireNonNull(timing, "timing");
        if (!(cancelProbability >= 0 && cancelProbability <= 1)) {
            throw new IllegalArgumentException("cancelProbability must be within [0, 1]: " + cancelProbability);
        }
    }
}
