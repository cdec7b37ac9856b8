package dev.ticketingwarrior.edge.limit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * A {@link Budget} as a service's properties spell it ({@code limit}, {@code window}), checked when the properties are
 * bound (a window shorter than 1 ms is no budget), so a wrong value is named in the start-up failure.
 */
public record Window(@Min(1) int limit, @NotNull Duration window) {

    public Window {
        if (window != null && window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, not " + window);
        }
    }

    public Budget budget() {
        return new Budget(limit, window);
    }
}
