package dev.ticketingwarrior.botrunner.control.web;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;

/** The bot settings in force for every instance. */
record BotSettingsResponse(boolean enabled, int perRound, Difficulty difficulty, double cancelProbability) {

    static BotSettingsResponse of(BotSettings settings) {
        return new BotSettingsResponse(
                settings.enabled(), settings.perRound(), settings.difficulty(), settings.cancelProbability());
    }
}
