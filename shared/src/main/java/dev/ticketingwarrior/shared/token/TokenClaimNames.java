package dev.ticketingwarrior.shared.token;

/** The private claim names of SPEC §4 and the fixed audience. */
final class TokenClaimNames {

    static final String AUDIENCE = "booking";
    static final String ROUND = "rid";
    static final String NICKNAME = "nick";
    static final String BOT = "bot";
    static final String QUEUE_NUMBER = "qn";
    static final String ENTERED_AT = "qat";
    static final String ADMITTED_AT = "adm";

    private TokenClaimNames() {}
}
