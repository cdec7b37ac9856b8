package dev.ticketingwarrior.edge.problem;

import java.time.Duration;
import java.util.Objects;

/**
 * A store or queue (Valkey/Redis, SQS, MySQL) failed, timed out or its circuit is open: the edge answers 503 with
 * {@code Retry-After} and names the dependency, never a 500.
 */
public final class DependencyUnavailableException extends RuntimeException {

    /** What a client is told to wait when nothing more precise is known. */
    public static final Duration RETRY_SOON = Duration.ofSeconds(2);

    private final String dependency;
    private final Duration retryAfter;

    /** {@code dependency}: what did not answer, as a player may read it ("waiting room store"). */
    public DependencyUnavailableException(String dependency, Duration retryAfter, Throwable cause) {
        super(dependency + " is unavailable: " + cause, cause);
        this.dependency = Objects.requireNonNull(dependency, "dependency");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public DependencyUnavailableException(String dependency, Throwable cause) {
        this(dependency, RETRY_SOON, cause);
    }

    public String dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
