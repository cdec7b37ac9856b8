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
 *
 * <p>The bot-key paths are the hot player APIs that a keyed bot calls on every step (booking's player API,
 * admission's ticket status and stream):
 * there only a request with {@code X-Bot-Key} is counted, and nothing is looked up in the store before the chain (that
 * would cost every bot call a round trip). A client whose failures go over the budget is remembered by the instance
 * that counted the last one ({@link RecentRefusals}) and refused there until the window ends; every instance counts
 * into the same budget, so each refuses the client at the latest after one more failure of its own.
 *
 * <p>{@link #playerTokens} is the same counting for players' admission tokens on those APIs, with a budget of its own
 * (a player whose token is refused is not a bot guessing a key): a request with {@code Authorization} and no bot key
 * whose answer is 401 spends one; past the budget the instance that saw it refuses the client's token requests.
 */
public final class FailedAuthentications {

    static final String RULE = "auth-failures";
    static final String PLAYER_TOKEN_RULE = "token-failures";

    /** The bots' credential (admission's queue entry, booking). */
    public static final String BOT_KEY = "X-Bot-Key";

    /** How a request is guarded. */
    public enum Guard {
        /** Not counted, not checked. */
        NONE,
        /** Checked in the store before the chain, a 401 counted after it. */
        CHECKED,
        /** A 401 counted after the chain; refused before it only where this instance saw the budget spent. */
        COUNTED
    }

    /** The credential whose failures {@link Guard#COUNTED} paths count. */
    private enum Counted {
        BOT_KEY,
        PLAYER_TOKEN
    }

    private final String rule;
    private final List<PathPattern> paths;
    private final List<PathPattern> countedPaths;
    private final Counted counted;
    private final Budget budget;

    /** {@code paths}: Spring path patterns ({@code /api/v1/admin/**}); none guards nothing. */
    public FailedAuthentications(List<String> paths, Budget budget) {
        this(paths, List.of(), budget);
    }

    /** {@code paths} are {@link Guard#CHECKED}, {@code botKeyPaths} {@link Guard#COUNTED} (with a bot key only). */
    public FailedAuthentications(List<String> paths, List<String> botKeyPaths, Budget budget) {
        this(RULE, paths, botKeyPaths, Counted.BOT_KEY, budget);
    }

    private FailedAuthentications(
            String rule, List<String> paths, List<String> countedPaths, Counted counted, Budget budget) {
        this.rule = rule;
        this.paths = patterns(paths);
        this.countedPaths = patterns(countedPaths);
        this.counted = counted;
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /**
     * Refused admission tokens on {@code paths}, {@link Guard#COUNTED} with a budget and counters of their own: a
     * request with {@code Authorization} and without {@code X-Bot-Key} (a bot's failures count as a bot's).
     */
    public static FailedAuthentications playerTokens(List<String> paths, Budget budget) {
        return new FailedAuthentications(PLAYER_TOKEN_RULE, List.of(), paths, Counted.PLAYER_TOKEN, budget);
    }

    /** Whether a request to {@code path} (the request path, without the query) is checked when it has a credential. */
    public boolean guards(String path) {
        return matches(paths, path);
    }

    /** How a request to {@code path} that carries the headers {@code present} says it has is guarded. */
    public Guard guard(String path, Predicate<String> present) {
        boolean botKey = present.test(BOT_KEY);
        if ((botKey || present.test(HttpHeaders.AUTHORIZATION)) && matches(paths, path)) {
            return Guard.CHECKED;
        }
        boolean credential = switch (counted) {
            case BOT_KEY -> botKey;
            case PLAYER_TOKEN -> !botKey && present.test(HttpHeaders.AUTHORIZATION);
        };
        return credential && matches(countedPaths, path) ? Guard.COUNTED : Guard.NONE;
    }

    public String key(String client) {
        return LimitKeys.key(rule, client);
    }

    public Budget budget() {
        return budget;
    }

    private static List<PathPattern> patterns(List<String> paths) {
        return paths.stream()
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        if (patterns.isEmpty()) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : patterns) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }

    public static String detail() {
        return "Too many failed authentications from this client; retry later.";
    }
}
