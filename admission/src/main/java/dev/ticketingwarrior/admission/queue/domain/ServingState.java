package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;

/**
 * A round's serving counter right after an advance: {@code served} tickets (queue numbers 1..served) are admitted out
 * of {@code entered}; {@code newlyAdmitted} of them (of which {@code newlyAdmittedBots} bots) by this very advance, so
 * metrics count each admission exactly once across instances. {@code settings} are the round's own.
 */
public record ServingState(
        long served, long entered, long newlyAdmitted, long newlyAdmittedBots, AdmissionSettings settings) {

    public long waiting() {
        return Math.max(0, entered - served);
    }
}
