package dev.ticketingwarrior.edge.limit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * A {@link Budget} as a service's properties spell it ({@code limit}, {@code window}), checked by bean validation when
 * the properties are bound, so a wrong value is named in the start-up failure.
 */
public record Window(@Min(1) int limit, @NotNull Duration window) {

    public Budget budget() {
        return new Budget(limit, window);
    }
}
