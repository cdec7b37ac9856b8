package dev.ticketingwarrior.admission.common;

/** A backing store (Valkey/Redis) did not answer in time or at all: the edge answers 503 with Retry-After. */
public final class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
