package dev.ticketingwarrior.botrunner.control.web;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;

/** The part of the bot settings players may see: on the home screen, before a round. */
record PublicBotsResponse(boolean enabled, int perRound, Difficulty difficulty) {

    static PublicBotsResponse of(BotSettings settings) {
        return new PublicBotsResponse(settings.enabled(), settings.perRound(), settings.difficulty());
    }
}
