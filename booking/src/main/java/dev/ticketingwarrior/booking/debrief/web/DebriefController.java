package dev.ticketingwarrior.booking.debrief.web;

import dev.ticketingwarrior.booking.debrief.domain.Debrief;
import dev.ticketingwarrior.booking.debrief.domain.Debriefs;
import dev.ticketingwarrior.booking.debrief.domain.History;
import dev.ticketingwarrior.booking.debrief.domain.Outcome;
import dev.ticketingwarrior.booking.debrief.domain.Steps;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.player.web.PlayerAuthentication;
import dev.ticketingwarrior.booking.player.web.ReadLimits;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.shared.player.Nicknames;
import dev.ticketingwarrior.shared.round.RoundId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A player's debrief and history (SPEC §12). The caller proves who it is with its device secret
 * ({@code X-Player-Secret}): a debrief is only given to the player its ticket is bound to, and is 404 otherwise (the
 * answer never tells whether the ticket exists).
 */
@RestController
class DebriefController {

    private static final int MAX_TICKET_LENGTH = 64;

    private final Debriefs debriefs;
    private final ReadLimits limits;

    DebriefController(Debriefs debriefs, ReadLimits limits) {
        this.debriefs = debriefs;
        this.limits = limits;
    }

    @Operation(
            summary = "Your debrief of a round: timeline, queue N of M, steps, costliest step, ghosts",
            description =
                    "X-Player-Secret required (400 invalid-request when missing or malformed). 404 unknown-debrief"
                            + " unless the ticket is bound to this secret with the ticket's nickname. Live while the round's"
                            + " keys last, from MySQL once the round is archived (10 s after its close). A ticket the round"
                            + " closed on while it waited (outcome NOT_ADMITTED, timeline OPEN ENTERED CLOSED, notAdmitted"
                            + " set) is answered once the round is closed, from admission's record of the ticket: its id"
                            + " must carry the round's seal and be a human's; the first secret that asks binds it. So is a"
                            + " ticket admission admitted that made no call booking recorded (admitted in the last moments,"
                            + " or gone before its letter: outcome NO_SEAT, timeline OPEN ENTERED ADMITTED CLOSED). After"
                            + " the close, an attempt the close ended before a booking ends with CLOSED, whose stillOn"
                            + " names the step the player was on: wait (with placesAway and served), letter (with"
                            + " attempts, its wrong answers), pick or confirm (holding the seat it tried last). A step the"
                            + " player was still on (a letter never solved, no seat tried) counts until the close for"
                            + " costliest (its split in steps stays null). costliest names the step with the largest excess"
                            + " over its reference: the round's humans' top 10% of that step (basis ROUND, referenceMs"
                            + " over humans) where at least three humans reached it, else the same step of the player's"
                            + " best won round before this one (basis PERSONAL_BEST); a step the close caught the player"
                            + " on with neither counts all of its time (basis SELF). With nothing to compare any step"
                            + " with (alone and never won), the step that took longest (basis SELF, referenceMs the player's own time"
                            + " over its steps, humans those of the round who reached it). null when every step is within"
                            + " its reference (it also carries topTenPercentMs, the same as referenceMs, for clients of"
                            + " the previous release). 429 rate-limited (with Retry-After) past the"
                            + " address's budget.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DebriefResponse.class)))
    @GetMapping("/api/v1/rounds/{roundId}/debriefs/{ticketId}")
    DebriefResponse debrief(
            @PathVariable String roundId,
            @PathVariable String ticketId,
            @Parameter(in = ParameterIn.HEADER, name = PlayerAuthentication.PLAYER_SECRET_HEADER, required = true)
                    @RequestHeader(name = PlayerAuthentication.PLAYER_SECRET_HEADER, required = false)
                    String secret,
            HttpServletRequest http) {
        limits.debriefRead(http);
        requireSecret(secret);
        Optional<RoundId> round = RoundId.parse(roundId);
        Optional<Debrief> debrief = round.isEmpty() || ticketId.length() > MAX_TICKET_LENGTH
                ? Optional.empty()
                : debriefs.debrief(round.get(), ticketId, secret);
        return debrief.map(DebriefResponse::of)
                .orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_DEBRIEF, "no debrief of this player here"));
    }

    @Operation(
            summary = "Your history: rounds, wins, personal best, best per step, the latest 100 attempts",
            description = "X-Player-Secret required (400 invalid-request). 200 with an empty list for a player with no"
                    + " attempt. 400 invalid-nickname. Archived rounds and the rounds not archived yet (still live),"
                    + " each attempt once; never-admitted attempts have outcome NOT_ADMITTED. 429 rate-limited (with"
                    + " Retry-After) past the address's budget.")
    @GetMapping("/api/v1/players/history")
    History history(
            @Parameter(required = true, description = "the nickname the attempts were played with (SPEC §4 rules)")
                    @RequestParam(required = false)
                    String nickname,
            @Parameter(in = ParameterIn.HEADER, name = PlayerAuthentication.PLAYER_SECRET_HEADER, required = true)
                    @RequestHeader(name = PlayerAuthentication.PLAYER_SECRET_HEADER, required = false)
                    String secret,
            HttpServletRequest http) {
        limits.debriefRead(http);
        requireSecret(secret);
        return debriefs.history(requireNickname(nickname), secret);
    }

    @Operation(
            summary = "Erase your history (204, idempotent): your attempts leave MySQL and Redis; their debriefs 404",
            description = "X-Player-Secret required (400 invalid-request). 400 invalid-nickname. 429 rate-limited.")
    @ApiResponse(responseCode = "204", description = "Erased (also when there was nothing to erase)")
    @DeleteMapping("/api/v1/players/history")
    ResponseEntity<Void> erase(
            @Parameter(required = true, description = "the nickname the attempts were played with (SPEC §4 rules)")
                    @RequestParam(required = false)
                    String nickname,
            @Parameter(in = ParameterIn.HEADER, name = PlayerAuthentication.PLAYER_SECRET_HEADER, required = true)
                    @RequestHeader(name = PlayerAuthentication.PLAYER_SECRET_HEADER, required = false)
                    String secret,
            HttpServletRequest http) {
        limits.debriefRead(http);
        requireSecret(secret);
        debriefs.erase(requireNickname(nickname), secret);
        return ResponseEntity.noContent().build();
    }

    private static void requireSecret(String secret) {
        if (!PlayerId.isSecret(secret)) {
            throw ProblemException.of(
                    ProblemType.INVALID_REQUEST,
                    PlayerAuthentication.PLAYER_SECRET_HEADER + " (22-64 base64url characters) is required");
        }
    }

    private static String requireNickname(String nickname) {
        return Nicknames.parse(nickname)
                .orElseThrow(() -> ProblemException.of(ProblemType.INVALID_NICKNAME, Nicknames.RULE));
    }

    /**
     * The costliest step as JSON; {@code topTenPercentMs} is {@code referenceMs} under the name the first version of
     * this answer gave it, for a web app still open from before {@code basis} (kept for one release).
     */
    record CostliestResponse(
            String step,
            long ms,
            Debrief.Costliest.Basis basis,
            long referenceMs,
            int humans,

            @Schema(deprecated = true, description = "referenceMs, under its first name; read referenceMs")
            long topTenPercentMs) {

        static CostliestResponse of(Debrief.Costliest costliest) {
            return new CostliestResponse(
                    costliest.step(),
                    costliest.ms(),
                    costliest.basis(),
                    costliest.referenceMs(),
                    costliest.humans(),
                    costliest.referenceMs());
        }
    }

    /**
     * The debrief as JSON: each timeline step carries only the fields of its kind (a TAKEN seat always carries
     * {@code takenBy} and {@code marginMs}, {@code null} when the taker is not known).
     */
    record DebriefResponse(
            String roundId,
            String ticketId,
            String nickname,
            Outcome.Status outcome,
            Debrief.Queue queue,

            @ArraySchema(schema = @Schema(implementation = Debrief.TimelineStep.class))
            List<Map<String, Object>> timeline,

            Steps steps,
            Long totalMs,
            CostliestResponse costliest,
            Debrief.Ghost ghost,
            Debrief.NotAdmitted notAdmitted) {

        static DebriefResponse of(Debrief d) {
            return new DebriefResponse(
                    d.roundId(),
                    d.ticketId(),
                    d.nickname(),
                    d.outcome(),
                    d.queue(),
                    d.timeline().stream().map(DebriefResponse::step).toList(),
                    d.steps(),
                    d.totalMs(),
                    d.costliest() == null ? null : CostliestResponse.of(d.costliest()),
                    d.ghost(),
                    d.notAdmitted());
        }

        private static Map<String, Object> step(Debrief.TimelineStep step) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("step", step.step().name());
            json.put("atMs", step.atMs());
            switch (step.step()) {
                case LETTER -> json.put("attempts", step.attempts());
                case SEAT -> {
                    json.put("seatId", step.seatId());
                    json.put("result", step.result().name());
                    if (step.result() == dev.ticketingwarrior.booking.debrief.domain.SeatResult.TAKEN) {
                        json.put("takenBy", step.takenBy());
                        json.put("marginMs", step.marginMs());
                    }
                }
                case BOOKED -> {
                    json.put("bookingId", step.bookingId());
                    json.put("seatId", step.seatId());
                }
                case CLOSED -> {
                    json.put("stillOn", step.stillOn());
                    if (step.placesAway() != null) {
                        json.put("placesAway", step.placesAway());
                        json.put("served", step.served());
                    }
                    if (step.attempts() != null) {
                        json.put("attempts", step.attempts());
                    }
                }
                default -> {}
            }
            return json;
        }
    }
}
