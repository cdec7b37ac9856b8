package dev.ticketingwarrior.booking.captcha.domain;

/**
 * No security letter could be drawn (or read aloud) in time, the threads doing it being saturated: the player should
 * retry shortly.
 */
public final class LettersBusyException extends RuntimeException {

    public LettersBusyException() {
        super("security letters are being drawn as fast as possible, please retry", null, false, false);
    }
}
