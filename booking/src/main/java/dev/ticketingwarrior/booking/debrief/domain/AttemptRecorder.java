package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a human's calls did, for its debrief: only humans that sent their device secret (a bot, or a client
 * that sends none, costs nothing), one Redis call each. A recording that fails never fails the player's call: the
 * call's own answer matters more than its debrief, so the failure is counted and logged at DEBUG.
 *
 * <p>The booking itself is recorded inside the sale's completion script, and the seat's taker inside the hold's
 * registration script, so neither costs a round trip of its own.
 */
public class AttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private final LiveAttempts live;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Counter unrecorded;

    public AttemptRecorder(LiveAttempts live, RoundClock clock, RoundRetention retention, MeterRegistry meters) {
        this.live = live;
        this.clock = clock;
        this.retention = retention;
        this.unrecorded = meters.counter("ticketing.debrief.unrecorded");
    }

    public void letterIssued(Round round, Player player) {
        record(round, player, new LiveAttempts.LetterIssued(clock.now()));
    }

    public void letterAnswered(Round round, Player player, boolean solved) {
        record(round, player, new LiveAttempts.LetterAnswered(clock.now(), solved));
    }

    /** {@code heldAt}: when the ticket's hold on the seat was made (HELD only). */
    public void seatTried(Round round, Player player, String seatId, SeatResult result, Optional<Instant> heldAt) {
        record(round, player, new LiveAttempts.SeatTried(clock.now(), seatId, result, heldAt));
    }

    private void record(Round round, Player player, LiveAttempts.Event event) {
        AdmissionClaims claims = player.claims();
        if (claims.bot() || player.playerId().isEmpty()) {
            return;
        }
        PlayerId id = player.playerId().get();
        try {
            live.record(
                    round.id(),
                    new LiveAttempts.Entrant(
                            claims.ticketId(),
                            id,
                            claims.nickname(),
                            claims.queueNumber(),
                            claims.enteredAt(),
                            claims.admittedAt()),
                    event,
                    retention.ttl(round));
        } catch (RuntimeException e) {
            unrecorded.increment();
            log.debug("debrief step of ticket {} not recorded: {}", claims.ticketId(), e.toString());
        }
    }
}
