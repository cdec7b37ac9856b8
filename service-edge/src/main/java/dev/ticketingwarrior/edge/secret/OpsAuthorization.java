package dev.ticketingwarrior.edge.secret;

import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;

/** Checks {@code Authorization: Bearer <ops token>} in constant time; anything else is a 401 problem. */
public final class OpsAuthorization {

    private static final String BEARER = "Bearer ";

    private final SharedSecret opsToken;

    public OpsAuthorization(Credentials credentials) {
        this.opsToken = credentials.opsToken();
    }

    /** Returns quietly for the ops token, throws a 401 {@link ProblemException} for anything else. */
    public void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "The ops bearer token is required.");
        }
        if (!opsToken.matches(authorization.substring(BEARER.length()).strip())) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "The ops bearer token is not valid.");
        }
    }
}
