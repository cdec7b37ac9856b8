package dev.ticketingwarrior.edge.limit;

import java.time.Duration;

/** Whether a client may go on now. */
public sealed interface LimitDecision {

    LimitDecision ALLOWED = new Allowed();

    record Allowed() implements LimitDecision {}

    /** Over the budget; it renews after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements LimitDecision {

        /** Whole seconds for the Retry-After header, rounded up, at least one. */
        public Duration retryAfterSeconds() {
            return Duration.ofSeconds(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
    }

    /** The decision on a window's count: allowed up to the budget's limit, limited until the window ends after. */
    static LimitDecision of(long count, long millisLeft, Budget budget) {
        return count <= budget.limit() ? ALLOWED : new Limited(Duration.ofMillis(Math.max(0, millisLeft)));
    }
}
