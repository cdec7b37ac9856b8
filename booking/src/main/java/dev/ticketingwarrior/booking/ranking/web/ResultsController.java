package dev.ticketingwarrior.booking.ranking.web;

import dev.ticketingwarrior.booking.player.web.ReadLimits;
import dev.ticketingwarrior.booking.ranking.domain.RankingService;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ResultsController {

    private static final String PUBLIC_READS =
            "429 rate-limited (with Retry-After) past the address's budget of public reads.";

    private final RankingService ranking;
    private final RoundClock clock;
    private final ReadLimits reads;

    ResultsController(RankingService ranking, RoundClock clock, ReadLimits reads) {
        this.ranking = ranking;
        this.clock = clock;
        this.reads = reads;
    }

    @Operation(
            summary = "Results of a round: seats sold, sold-out time, humans vs bots, histogram, top 10 humans",
            description = PUBLIC_READS)
    @GetMapping("/api/v1/rounds/{roundId}/results")
    RankingService.Results results(@PathVariable String roundId, HttpServletRequest http) {
        reads.publicRead(http);
        RoundId round = RoundId.parse(roundId)
                .filter(clock::isRoundStart)
                .orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_ROUND, "no round " + roundId));
        return ranking.results(round);
    }

    @Operation(
            summary = "Fastest humans of the day or week (period=day|week)",
            description = "The fastest human bookings of the UTC day or ISO week (Monday first), each player once at"
                    + " its best booking: a player is the nickname and device secret (X-Player-Secret) its bookings"
                    + " were made with; a booking made without a secret is its own entry. Ordered by durationMs, then"
                    + " bookingId; at most ticketing.results.leaderboard-size entries (20). "
                    + PUBLIC_READS)
    @GetMapping("/api/v1/leaderboard")
    RankingService.Leaderboard leaderboard(@RequestParam(defaultValue = "day") String period, HttpServletRequest http) {
        reads.publicRead(http);
        RankingService.Period parsed = switch (period.toLowerCase(Locale.ROOT)) {
            case "day" -> RankingService.Period.DAY;
            case "week" -> RankingService.Period.WEEK;
            default -> throw ProblemException.of(ProblemType.INVALID_REQUEST, "period must be day or week");
        };
        return ranking.leaderboard(parsed);
    }
}
