package dev.ticketingwarrior.botrunner.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** Checks {@code Authorization: Bearer <ops token>} in constant time; anything else is a 401 problem. */
@Component
public class OpsAuthorization {

    private static final String BEARER = "Bearer ";

    private final SharedSecret opsToken;

    OpsAuthorization(Credentials credentials) {
        this.opsToken = credentials.opsToken();
    }

    /** The caller's audit name (a hint of the token, never the token), or a 401 problem. */
    public String require(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "The ops bearer token is required.");
        }
        if (!opsToken.matches(header.substring(BEARER.length()).strip())) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "The ops bearer token is not valid.");
        }
        return "ops@"
                + (request.getRemoteAddress() == null
                        ? "unknown"
                        : request.getRemoteAddress().getHostString());
    }
}
