package dev.ticketingwarrior.edge.limit;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The limit on failed authentication: on the guarded paths (the ops and bot APIs), a client whose requests were
 * answered 401 {@code limit} times within the window gets 429 before its credentials are even looked at, until the
 * window ends. A client that authenticates never spends anything, so ops and bots with the right secret never see it.
 * Only requests that present a credential ({@code Authorization}, {@code X-Bot-Key}) are counted and checked: guessing
 * a secret means sending one, and a player entering the queue without a bot key costs no look-up.
 */
public final class FailedAuthentications {

    static final String RULE = "auth-failures";

    /** The bots' credential (admission's queue entry, booking). */
    public static final String BOT_KEY = "X-Bot-Key";

    private final List<PathPattern> paths;
    private final Budget budget;

    /** {@code paths}: Spring path patterns ({@code /api/v1/admin/**}); none guards nothing. */
    public FailedAuthentications(List<String> paths, Budget budget) {
        this.paths = paths.stream()
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** Whether a request to {@code path} (the request path, without the query) is guarded. */
    public boolean guards(String path) {
        if (paths.isEmpty()) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : paths) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a request to {@code path} that carries the headers {@code present} says it has is counted. */
    public boolean guards(String path, Predicate<String> present) {
        return (present.test(HttpHeaders.AUTHORIZATION) || present.test(BOT_KEY)) && guards(path);
    }

    public String key(String client) {
        return LimitKeys.key(RULE, client);
    }

    public Budget budget() {
        return budget;
    }

    public static String detail() {
        return "Too many failed authentications from this client; retry later.";
    }
}
