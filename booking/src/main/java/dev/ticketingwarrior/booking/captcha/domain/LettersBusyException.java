package dev.ticketingwarrior.booking.captcha.domain;

/**
 * No security letter could be drawn (or read aloud) in time, the threads doing it being saturated: the player should
 * retry shortly.
 */
public final class LettersBusyException extends RuntimeException {

    public LettersBusyException() {
        super("security letters are busy, please retry in a moment", null, false, false);
    }
}
