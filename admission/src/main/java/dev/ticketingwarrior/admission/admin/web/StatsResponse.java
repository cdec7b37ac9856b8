package dev.ticketingwarrior.admission.admin.web;

import dev.ticketingwarrior.admission.queue.domain.RoundStats;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/admin/stats}: the current round (null before anybody entered it) and recent rounds. */
record StatsResponse(
        Instant serverTime, String currentRoundId, RoundStatsResponse current, List<RoundStatsResponse> recent) {

    record Split(long bots, long humans) {}

    record RoundStatsResponse(
            String roundId,
            Instant opensAt,
            Instant closesAt,
            long entered,
            long admitted,
            long waiting,
            long active,
            long finished,
            long abandoned,
            Split enteredBy,
            Split admittedBy,
            Instant firstAdmittedAt,
            Instant lastAdmittedAt,
            double achievedRatePerSecond,
            AdmissionSettingsRequest settings) {

        static RoundStatsResponse of(RoundStats stats) {
            return new RoundStatsResponse(
                    stats.round().id().value(),
                    stats.round().opensAt(),
                    stats.round().closesAt(),
                    stats.entered(),
                    stats.admitted(),
                    stats.waiting(),
                    stats.active(),
                    stats.finished(),
                    stats.abandoned(),
                    new Split(stats.enteredBots(), stats.enteredHumans()),
                    new Split(stats.admittedBots(), stats.admittedHumans()),
                    stats.firstAdmittedAt(),
                    stats.lastAdmittedAt(),
                    stats.achievedRatePerSecond(),
                    AdmissionSettingsRequest.of(stats.settings()));
        }
    }
}
