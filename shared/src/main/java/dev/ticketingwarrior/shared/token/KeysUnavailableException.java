package dev.ticketingwarrior.shared.token;

import java.time.Duration;

/**
 * A token's key could not be looked up because the key set cannot be read now (admission's JWKS did not answer): not a
 * verdict on the token, which may be valid. Callers answer 503 with {@link #retryAfter()}, not 401.
 */
public final class KeysUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public KeysUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When the key set will be asked for again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
