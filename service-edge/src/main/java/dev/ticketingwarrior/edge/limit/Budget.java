package dev.ticketingwarrior.edge.limit;

import java.time.Duration;
import java.util.Objects;

/** At most {@code limit} requests per fixed {@code window}. */
public record Budget(int limit, Duration window) {

    public Budget {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("a budget allows at least one request, not " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a budget's window is at least 1 ms, not " + window);
        }
    }
}
