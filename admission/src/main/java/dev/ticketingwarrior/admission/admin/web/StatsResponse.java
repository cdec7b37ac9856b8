package dev.ticketingwarrior.admission.admin.web;

import dev.ticketingwarrior.admission.queue.domain.RoundStats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/admin/stats}: the current round (null before anybody entered it) and recent rounds. */
record StatsResponse(
        Instant serverTime,
        String currentRoundId,

        @Schema(
                description = "The current round's counts; null until somebody entered it (at its open, and"
                        + " for the whole round if nobody does), never a row of zeros")
        RoundStatsResponse current,

        List<RoundStatsResponse> recent) {

    record Split(long bots, long humans) {}

    record RoundStatsResponse(
            String roundId,
            Instant opensAt,
            Instant closesAt,
            long entered,
            long admitted,

            @Schema(description = "Entered and not admitted (yet): after the close, those the round never" + " served")
            long waiting,

            long active,
            long finished,
            long abandoned,
            Split enteredBy,
            Split admittedBy,
            Instant firstAdmittedAt,
            Instant lastAdmittedAt,

            @Schema(
                    description = "The round's average so far: admitted over the seconds from its open to its"
                            + " last admission (at least 1 s, so an open batch is not an infinite rate); not"
                            + " the rate of this moment")
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
