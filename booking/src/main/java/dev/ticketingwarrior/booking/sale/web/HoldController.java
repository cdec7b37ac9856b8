package dev.ticketingwarrior.booking.sale.web;

import dev.ticketingwarrior.booking.debrief.domain.AttemptRecorder;
import dev.ticketingwarrior.booking.debrief.domain.SeatResult;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.web.PlayerLimits;
import dev.ticketingwarrior.booking.player.web.RoundGate;
import dev.ticketingwarrior.booking.sale.domain.HoldResult;
import dev.ticketingwarrior.booking.sale.domain.HoldService;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.servlet.ProblemResponses;
import dev.ticketingwarrior.shared.round.Round;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "admission-token")
class HoldController {

    private final HoldService holds;
    private final RoundGate gate;
    private final PlayerLimits limits;
    private final AttemptRecorder attempts;

    HoldController(HoldService holds, RoundGate gate, PlayerLimits limits, AttemptRecorder attempts) {
        this.holds = holds;
        this.gate = gate;
        this.limits = limits;
        this.attempts = attempts;
    }

    @Operation(
            summary = "Hold a seat (201), 409 seat-taken, 404 unknown-seat, 428 captcha-required",
            description = "403 place-released when admission timed the player out (no move for its active timeout) and"
                    + " the round has no room under maxActive to take it back (nothing held). 429 rate-limited (with"
                    + " Retry-After) past the ticket's budget of holds")
    @PostMapping("/api/v1/rounds/{roundId}/holds")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    ResponseEntity<?> hold(
            Player player,
            @PathVariable String roundId,
            @Valid @RequestBody HoldRequest request,
            HttpServletRequest http) {
        limits.spend(PlayerLimits.Action.HOLD, player);
        Round round = gate.requireOpen(player, roundId);
        HoldResult result = holds.hold(round, player, request.seatId());
        record(round, player, request.seatId(), result);
        return switch (result) {
            case HoldResult.Held held ->
                ResponseEntity.status(HttpStatus.CREATED)
                        .body(new HoldResponse(held.holdId(), held.seatId(), held.expiresAt()));
            // the usual answer on a contended map: returned, not thrown (exception resolution costs more than the rest)
            case HoldResult.Taken taken ->
                ProblemResponses.of(
                        ProblemType.SEAT_TAKEN, "seat " + taken.seatId() + " is taken", http.getRequestURI());
            case HoldResult.UnknownSeat unknown ->
                throw ProblemException.of(ProblemType.UNKNOWN_SEAT, "no seat " + unknown.seatId());
            case HoldResult.CaptchaRequired required ->
                throw ProblemException.of(ProblemType.CAPTCHA_REQUIRED, "solve the security letter first");
            case HoldResult.AlreadyBooked booked ->
                throw ProblemException.of(ProblemType.ALREADY_BOOKED, "this ticket already booked a seat");
            case HoldResult.PlaceReleased released -> throw gate.placeReleased(round);
        };
    }

    /** What the debrief keeps of this attempt (humans that sent their secret only; a repeat booking is not a seat). */
    private void record(Round round, Player player, String seatId, HoldResult result) {
        switch (result) {
            case HoldResult.Held held ->
                attempts.seatTried(round, player, seatId, SeatResult.HELD, Optional.of(held.heldAt()));
            case HoldResult.Taken taken ->
                attempts.seatTried(round, player, seatId, SeatResult.TAKEN, Optional.empty());
            case HoldResult.UnknownSeat unknown ->
                attempts.seatTried(round, player, seatId, SeatResult.UNKNOWN_SEAT, Optional.empty());
            case HoldResult.CaptchaRequired required ->
                attempts.seatTried(round, player, seatId, SeatResult.CAPTCHA_REQUIRED, Optional.empty());
            case HoldResult.AlreadyBooked booked -> {}
            case HoldResult.PlaceReleased released -> {}
        }
    }

    @Operation(
            summary = "Release your hold (204)",
            description = "While the round is OPEN (403 round-closed after: every hold has ended with the round). 404"
                    + " unknown-hold. 429 rate-limited (with Retry-After) past the ticket's budget of releases.")
    @ApiResponse(responseCode = "204", description = "Released: the seat is for sale again")
    @DeleteMapping("/api/v1/holds/{holdId}")
    ResponseEntity<Void> release(Player player, @PathVariable String holdId) {
        limits.spend(PlayerLimits.Action.RELEASE, player);
        Round round = gate.requireOpen(player, null);
        if (!holds.release(round, player, holdId)) {
            throw ProblemException.of(ProblemType.UNKNOWN_HOLD, "no hold " + holdId + " of this ticket");
        }
        return ResponseEntity.noContent().build();
    }

    record HoldRequest(@NotBlank @Size(max = 16) String seatId) {}

    record HoldResponse(String holdId, String seatId, Instant expiresAt) {}
}
