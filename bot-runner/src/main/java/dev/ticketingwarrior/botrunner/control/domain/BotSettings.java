package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What ops control (SPEC §6): whether bots run, how many per round in total across every instance, how fast they
 * are, and how likely each is to release its hold instead of booking (취소표).
 */
public record BotSettings(boolean enabled, int perRound, Difficulty difficulty, double cancelProbability) {

    /** Far above any venue; a typo of an extra zero should not start a million HTTP clients. */
    public static final int MAX_PER_ROUND = 100_000;

    public BotSettings {
        List<String> problems = problems(perRound, difficulty, cancelProbability);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** These settings with every field the change names replaced; it is validated as a whole. */
    public BotSettings with(SettingsChange change) {
        Objects.requireNonNull(change, "change");
        return new BotSettings(
                change.enabled() != null ? change.enabled() : enabled,
                change.perRound() != null ? change.perRound() : perRound,
                change.difficulty() != null ? change.difficulty() : difficulty,
                change.cancelProbability() != null ? change.cancelProbability() : cancelProbability);
    }

    static List<String> problems(int perRound, Difficulty difficulty, double cancelProbability) {
        List<String> problems = new ArrayList<>();
        if (perRound < 0 || perRound > MAX_PER_ROUND) {
            problems.add("perRound must be within 0.." + MAX_PER_ROUND);
        }
        if (difficulty == null) {
            problems.add("difficulty must be one of EASY, NORMAL, HARD, INSANE");
        }
        if (!(cancelProbability >= 0 && cancelProbability <= 1)) {
            problems.add("cancelProbability must be within 0..1");
        }
        return problems;
    }
}
