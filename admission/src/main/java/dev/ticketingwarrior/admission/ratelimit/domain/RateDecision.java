package dev.ticketingwarrior.admission.ratelimit.domain;

import java.time.Duration;

/** Whether a client may enter now. */
public sealed interface RateDecision {

    record Allowed() implements RateDecision {}

    /** Over the limit; the window resets after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements RateDecision {

        /** Whole seconds for the Retry-After header, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
