package dev.ticketingwarrior.botrunner.control.web;

import dev.ticketingwarrior.botrunner.control.domain.RoundBotStats;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/bots/stats}: the current round first, then the most recent ones, summed over all instances. */
record BotStatsResponse(List<RoundStats> rounds) {

    record RoundStats(
            String roundId,
            Instant opensAt,
            Instant closesAt,
            long launched,
            long admitted,
            long booked,
            long lost,
            long cancelled,
            long errors) {

        static RoundStats of(Round round, RoundBotStats stats) {
            return new RoundStats(
                    round.id().value(),
                    round.opensAt(),
                    round.closesAt(),
                    stats.launched(),
                    stats.admitted(),
                    stats.booked(),
                    stats.lost(),
                    stats.cancelled(),
                    stats.errors());
        }
    }
}
