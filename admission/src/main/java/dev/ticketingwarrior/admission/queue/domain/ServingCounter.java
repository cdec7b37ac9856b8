package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;

/**
 * The waiting time a player is shown. The serving counter itself (SPEC §4:
 * {@code min(openBatch + floor(∫ rate dt since open), entered, maxActive + released)}, never going down) is advanced
 * atomically in Valkey by {@code scripts/serving.lua}; its readable reference lives with the tests
 * ({@code ServingOracle}), which hold the script to it.
 */
public final class ServingCounter {

    /** Guards {@code ceil} against binary fractions such as 0.1 × 30 = 2.9999999999999996. */
    private static final double EPSILON = 1e-9;

    private ServingCounter() {}

    /** Seconds until a ticket {@code position} places from the front is admitted at the current rate, if it moves. */
    public static Long etaSeconds(long position, AdmissionSettings settings) {
        if (position <= 0) {
            return 0L;
        }
        if (settings.paused() || settings.ratePerSecond() <= 0) {
            return null;
        }
        return (long) Math.ceil(position / settings.ratePerSecond() - EPSILON);
    }
}
