package dev.ticketingwarrior.admission.queue.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How often one client may enter (SPEC §4): at most {@code entries} per fixed {@code window}, counted in Valkey by the
 * entry itself, so an entry stays one round trip. Bots with a valid key are not limited.
 */
public record EntryLimit(int entries, Duration window) {

    public EntryLimit {
        Objects.requireNonNull(window, "window");
        if (entries < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("an entry limit allows at least one entry per millisecond or more");
        }
    }
}
