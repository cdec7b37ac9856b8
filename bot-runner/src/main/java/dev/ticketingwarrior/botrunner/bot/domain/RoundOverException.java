package dev.ticketingwarrior.botrunner.bot.domain;

/** The server refused a call because the round is no longer (or not yet) open: the bot lost, it did not fail. */
public final class RoundOverException extends RuntimeException {

    public RoundOverException(String detail) {
        super(detail, null, false, false);
    }
}
