package dev.ticketingwarrior.booking.captcha.domain;

/** No security letter could be drawn in time (the drawing threads are saturated): the player should retry shortly. */
public final class LettersBusyException extends RuntimeException {

    LettersBusyException() {
        super("security letters are being drawn as fast as possible, please retry", null, false, false);
    }
}
