package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;

/**
 * The admission maths (SPEC §4) as one pure function, the oracle the unit tests pin down and the integration tests
 * hold {@code scripts/queue/serving.lua} to: the serving counter is
 * {@code min(openBatch + floor(∫ rate dt since open), entered, maxActive + released)} and never goes down.
 *
 * <p>The rate is integrated piecewise into an accumulator (so a rate change applies from the instant it is made, never
 * retroactively), only up to the round's close, and not while paused. Valkey runs the same steps atomically with the
 * caller's clock time.
 */
final class ServingOracle {

    /** Guards {@code floor} against binary fractions such as 0.1 × 30 = 2.9999999999999996. */
    private static final double EPSILON = 1e-9;

    private ServingOracle() {}

    /** What the counter keeps between advances. {@code lastMillis} is the instant integrated up to. */
    record State(double accumulated, long lastMillis, long served) {

        static State openedAt(long openMillis) {
            return new State(0, openMillis, 0);
        }
    }

    /**
     * Advances {@code state} to {@code nowMillis}.
     *
     * @param entered tickets in the round so far
     * @param released admitted players that have left (finished or abandoned); frees {@code maxActive} slots
     */
    static State advance(
            State state, long nowMillis, long closeMillis, AdmissionSettings settings, long entered, long released) {
        long until = Math.min(nowMillis, closeMillis);
        if (until <= state.lastMillis()) {
            return state;
        }
        if (settings.paused()) {
            return new State(state.accumulated(), until, state.served());
        }
        double accumulated = state.accumulated() + settings.ratePerSecond() * (until - state.lastMillis()) / 1000.0;
        long target = settings.openBatch() + (long) Math.floor(accumulated + EPSILON);
        target = Math.min(target, entered);
        if (settings.maxActive() > 0) {
            target = Math.min(target, settings.maxActive() + released);
        }
        return new State(accumulated, until, Math.max(state.served(), target));
    }
}
