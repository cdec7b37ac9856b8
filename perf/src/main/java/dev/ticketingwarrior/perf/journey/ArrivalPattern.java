package dev.ticketingwarrior.perf.journey;

import java.util.Locale;

/** How a round's players arrive ({@code --arrivals}). */
public enum ArrivalPattern {
    /** At the open, as a real surge: 60 % in the first second, 30 % by second 4, the rest by second 10. */
    OPEN,
    /**
     * Evenly over the open window until a second before the close, so players keep arriving after a fault injected
     * mid-round (a drill at second 3 meets nearly all of an {@link #OPEN} round already inside).
     */
    SPREAD;

    /** {@code open} or {@code spread}, as written on the command line. */
    public static ArrivalPattern parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--arrivals must be open or spread, not '" + text + "'");
        }
    }
}
