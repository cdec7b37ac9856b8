package dev.ticketingwarrior.booking.seat.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.web.PlayerAuthentication;
import dev.ticketingwarrior.booking.player.web.PlayerLimits;
import dev.ticketingwarrior.booking.player.web.ReadLimits;
import dev.ticketingwarrior.booking.player.web.RoundGate;
import dev.ticketingwarrior.booking.seat.domain.SeatMapService;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seat map. While its round is OPEN it is for that round's admitted players only (SPEC §5: the waiting room exists
 * to keep the surge off booking, so the map must not be reachable around it); after the close it is public.
 */
@RestController
class SeatController {

    private final SeatMapService seats;
    private final RoundClock clock;
    private final PlayerAuthentication players;
    private final RoundGate gate;
    private final PlayerLimits limits;
    private final ReadLimits reads;

    SeatController(
            SeatMapService seats,
            RoundClock clock,
            PlayerAuthentication players,
            RoundGate gate,
            PlayerLimits limits,
            ReadLimits reads) {
        this.seats = seats;
        this.clock = clock;
        this.players = players;
        this.gate = gate;
        this.limits = limits;
        this.reads = reads;
    }

    @SecurityRequirement(name = "admission-token")
    @Operation(
            summary = "Seat map of a round with live status (AVAILABLE | HELD | SOLD)",
            description = "While the round is OPEN: the admission token of that round (401 invalid-token, 403"
                    + " wrong-round). After its close: public; once the round's keys are gone (10 min after it ends) the"
                    + " sold seats come from the confirmed bookings in MySQL. 429 rate-limited (with Retry-After) past the ticket's budget"
                    + " of seat maps, or after the close the address's budget of public reads.")
    @GetMapping("/api/v1/rounds/{roundId}/seats")
    SeatMapService.SeatMap seats(
            @PathVariable String roundId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = PlayerAuthentication.BOT_KEY_HEADER, required = false) String botKey,
            HttpServletRequest http) {
        Optional<RoundId> round = RoundId.parse(roundId).filter(clock::isRoundStart);
        if (round.isPresent() && gate.isOpen(clock.round(round.get()))) {
            Player player = players.authenticate(authorization, botKey);
            gate.requireOwn(player, roundId);
            limits.spend(PlayerLimits.Action.SEAT_MAP, player);
        } else {
            // a closed round's map, or no round at all: a public read either way
            reads.publicRead(http);
        }
        return seats.seatMap(
                round.orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_ROUND, "no round " + roundId)));
    }
}
