package dev.ticketingwarrior.botrunner.control.web;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.control.domain.SettingsChange;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code PUT /api/v1/bots} body: any subset of the settings; what is left out stays as it is. */
record BotSettingsRequest(
        Boolean enabled,
        @Min(0) @Max(BotSettings.MAX_PER_ROUND) Integer perRound,
        Difficulty difficulty,
        @DecimalMin("0.0") @DecimalMax("1.0") Double cancelProbability) {

    SettingsChange toChange() {
        return new SettingsChange(enabled, perRound, difficulty, cancelProbability);
    }
}
