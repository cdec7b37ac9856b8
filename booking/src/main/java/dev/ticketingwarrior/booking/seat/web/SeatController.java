package dev.ticketingwarrior.booking.seat.web;

import dev.ticketingwarrior.booking.seat.domain.SeatMapService;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.shared.problem.ProblemType;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SeatController {

    private final SeatMapService seats;
    private final RoundClock clock;

    SeatController(SeatMapService seats, RoundClock clock) {
        this.seats = seats;
        this.clock = clock;
    }

    @Operation(summary = "Seat map of a round with live status (AVAILABLE | HELD | SOLD)")
    @GetMapping("/api/v1/rounds/{roundId}/seats")
    SeatMapService.SeatMap seats(@PathVariable String roundId) {
        RoundId round = RoundId.parse(roundId)
                .filter(clock::isRoundStart)
                .orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_ROUND, "no round " + roundId));
        return seats.seatMap(round);
    }
}
