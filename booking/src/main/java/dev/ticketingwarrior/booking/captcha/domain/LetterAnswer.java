package dev.ticketingwarrior.booking.captcha.domain;

/** How an answer to a security letter went. */
public enum LetterAnswer {
    /** Right: the letter is used up and the ticket may hold seats. */
    SOLVED,
    /** The ticket had solved a letter already and this one is gone: a right answer sent again after a lost reply. */
    REPEATED,
    /** Wrong: the letter is used up; the player asks for a new one. */
    WRONG,
    /** No open letter of this ticket by that id. */
    UNKNOWN,
    /**
     * Not taken: admission timed the player out (silent for its active timeout) and the round has no room under
     * {@code maxActive} to take it back (SPEC §4); the letter is left as it was.
     */
    RELEASED
}
