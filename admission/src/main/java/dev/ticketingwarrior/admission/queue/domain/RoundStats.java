package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;

/**
 * Counts of one round for ops. {@code active} = admitted minus those that finished (booking reported) or were
 * abandoned (silent for the active timeout, no letter answered and no seat held since the admission or the last of
 * those, without finishing). {@code newlyAdmitted} is not a count of
 * the round: it is how many the advance made by reading these stats admitted, for the metrics (every advance's
 * admissions are counted once, by whoever made it).
 */
public record RoundStats(
        Round round,
        long entered,
        long enteredBots,
        long enteredHumans,
        long admitted,
        long admittedBots,
        long admittedHumans,
        long waiting,
        long active,
        long finished,
        long abandoned,
        Instant firstAdmittedAt,
        Instant lastAdmittedAt,
        AdmissionSettings settings,
        long newlyAdmitted) {

    /**
     * Admissions per second actually achieved: admitted over the time from the round's open to its last admission
     * (at least one second, so an open batch does not read as an infinite rate).
     */
    public double achievedRatePerSecond() {
        if (admitted == 0 || lastAdmittedAt == null) {
            return 0;
        }
        double seconds =
                Math.max(1.0, (lastAdmittedAt.toEpochMilli() - round.opensAt().toEpochMilli()) / 1000.0);
        return Math.round(admitted / seconds * 100.0) / 100.0;
    }
}
