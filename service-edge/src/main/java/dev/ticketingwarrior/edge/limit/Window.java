package dev.ticketingwarrior.edge.limit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * A {@link Budget} as a service's properties spell it ({@code limit}, {@code window}), checked when the properties are
 * bound (a window shorter than 1 ms is no budget), so a wrong value is named in the start-up failure; {@link Budget}
 * checks the same of a window made in code.
 */
public record Window(
        @Min(1) int limit, @NotNull @DurationMin(millis = 1) Duration window) {

    public Budget budget() {
        return new Budget(limit, window);
    }
}
