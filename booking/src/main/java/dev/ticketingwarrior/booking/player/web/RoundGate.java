package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The round checks of SPEC §5 after the signature: a token only acts on its own round (403 {@code wrong-round}) and
 * only while that round is OPEN by the server's clock (403 {@code round-closed}).
 */
@Component
public class RoundGate {

    private final RoundClock clock;

    RoundGate(RoundClock clock) {
        this.clock = clock;
    }

    /** The player's round, which must be {@code pathRound} (when the path names one) and OPEN now. */
    public Round requireOpen(Player player, String pathRound) {
        Round round = requireOwn(player, pathRound);
        if (!isOpen(round)) {
            throw closed(round);
        }
        return round;
    }

    /** Whether {@code round} is OPEN now, by the server's clock. */
    public boolean isOpen(Round round) {
        return round.isOpenAt(clock.now());
    }

    /** The 403 {@code round-closed} refusal of an action in {@code round}. */
    public ProblemException closed(Round round) {
        return ProblemException.of(
                ProblemType.ROUND_CLOSED,
                "round " + round.id() + " is closed",
                Map.of(
                        "roundId",
                        round.id().value(),
                        "closesAt",
                        round.closesAt().toString()));
    }

    /**
     * The 403 {@code place-released} refusal of a player's move: admission timed the player out (silent for its active
     * timeout) and gave its place to the next in line, and the round has no room under {@code maxActive} to give it
     * back (SPEC §4). The refusal holds while the round stays full: a place that frees up later lets the player back
     * (nothing of its move was used up), but a client takes it as the end of its round, as the web app and the bots do.
     */
    public ProblemException placeReleased(Round round) {
        return ProblemException.of(
                ProblemType.PLACE_RELEASED,
                "no move for a while: your place in round " + round.id()
                        + " went to the next player, and the round is full (maxActive)",
                "roundId",
                round.id().value());
    }

    /** The player's round, which must be {@code pathRound} when the path names one; open or not. */
    public Round requireOwn(Player player, String pathRound) {
        RoundId own = player.roundId();
        if (pathRound != null && !own.value().equals(pathRound)) {
            throw ProblemException.of(ProblemType.WRONG_ROUND, "the token is for round " + own);
        }
        if (!clock.isRoundStart(own)) {
            throw ProblemException.of(ProblemType.WRONG_ROUND, "round " + own + " does not exist on this server");
        }
        return clock.round(own);
    }
}
