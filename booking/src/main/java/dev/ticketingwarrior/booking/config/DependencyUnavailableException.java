package dev.ticketingwarrior.booking.config;

import java.time.Duration;

/** Redis, SQS or MySQL failed, timed out or its circuit is open: the client gets 503 with Retry-After. */
public final class DependencyUnavailableException extends RuntimeException {

    private final String dependency;
    private final Duration retryAfter;

    public DependencyUnavailableException(String dependency, Duration retryAfter, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
        this.retryAfter = retryAfter;
    }

    public String dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
