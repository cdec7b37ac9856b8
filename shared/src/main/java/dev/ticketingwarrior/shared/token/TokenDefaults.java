package dev.ticketingwarrior.shared.token;

/** Defaults both the issuer and the verifiers agree on unless configured otherwise. */
public final class TokenDefaults {

    /** The {@code iss} claim of admission tokens. */
    public static final String ISSUER = "ticketing-warrior-admission";

    /** The only accepted {@code aud}. */
    public static final String AUDIENCE = TokenClaimNames.AUDIENCE;

    private TokenDefaults() {}
}
