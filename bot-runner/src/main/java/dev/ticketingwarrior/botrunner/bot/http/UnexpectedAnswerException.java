package dev.ticketingwarrior.botrunner.bot.http;

/** A service answered in a way a bot has no plan for, or not at all; the bot counts as an error. */
final class UnexpectedAnswerException extends RuntimeException {

    UnexpectedAnswerException(String call, int status, String slug) {
        super(call + " answered " + status + (slug.isEmpty() ? "" : " " + slug), null, false, false);
    }
}
