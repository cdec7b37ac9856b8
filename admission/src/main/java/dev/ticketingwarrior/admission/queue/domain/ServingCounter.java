package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;

/**
 * The waiting time a player is shown. The serving counter itself (SPEC §4:
 * {@code min(openBatch + floor(∫ rate dt since open), entered, maxActive + released)}, never going down) is advanced
 * atomically in Valkey by {@code scripts/queue/serving.lua}; its readable reference lives with the tests
 * ({@code ServingOracle}), which hold the script to it.
 */
public final class ServingCounter {

    /** Guards {@code ceil} against binary fractions such as 0.1 × 30 = 2.9999999999999996. */
    private static final double EPSILON = 1e-9;

    private ServingCounter() {}

    /**
     * A wait longer than this is no estimate: the counter barely moves (a rate such as 1e-9 is a pause in effect), and
     * a player shown "9,223,372,036,854,775,807 s" learns less than from "unknown".
     */
    static final long LONGEST_ETA_SECONDS = 86_400;

    /**
     * Seconds until a ticket {@code position} places from the front is admitted at the current rate; null when it does
     * not move (paused, no rate) or would take longer than {@value #LONGEST_ETA_SECONDS} s.
     */
    public static Long etaSeconds(long position, AdmissionSettings settings) {
        if (position <= 0) {
            return 0L;
        }
        if (settings.paused() || settings.ratePerSecond() <= 0) {
            return null;
        }
        double seconds = Math.ceil(position / settings.ratePerSecond() - EPSILON);
        return seconds <= LONGEST_ETA_SECONDS ? (long) seconds : null;
    }
}
