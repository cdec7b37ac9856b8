package dev.ticketingwarrior.admission.clock.web;

import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundPhase;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/clock} (SPEC §4). */
@RestController
class ClockController {

    private final RoundClock rounds;

    ClockController(RoundClock rounds) {
        this.rounds = rounds;
    }

    @Operation(
            summary = "Server time, the current round and the next one",
            description = "429 rate-limited (with Retry-After) past the address's budget of clock reads.")
    @GetMapping(value = "/api/v1/clock", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClockResponse> clock() {
        Instant now = rounds.now();
        Round current = rounds.roundAt(now);
        Round next = rounds.nextAfter(now);
        ClockResponse body = new ClockResponse(
                now,
                new ClockResponse.CurrentRound(
                        current.id().value(), current.opensAt(), current.closesAt(), current.phaseAt(now)),
                new ClockResponse.NextRound(next.id().value(), next.opensAt()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** The clock answer. */
    record ClockResponse(Instant serverTime, CurrentRound round, NextRound nextRound) {

        record CurrentRound(String id, Instant opensAt, Instant closesAt, RoundPhase phase) {}

        record NextRound(String id, Instant opensAt) {}
    }
}
