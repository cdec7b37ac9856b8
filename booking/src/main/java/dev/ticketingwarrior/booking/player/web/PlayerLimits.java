package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client limits on a player's security letters, holds and bookings. The client is the ticket of the verified
 * admission token: one player, whatever address it shares with others (a household, a carrier's NAT, a bot-runner's
 * bots, each of which has its own ticket). Tickets come only through queue entry, which is limited per address.
 *
 * <p>A budget that cannot be counted lets the call through: the call itself needs the same Redis and answers 503 when
 * it is down, so the limiter would only add a second refusal (and, behind the open circuit breaker, it costs nothing).
 */
public final class PlayerLimits {

    private static final Logger log = LoggerFactory.getLogger(PlayerLimits.class);

    /** What a player spends a budget on. */
    public enum Action {
        LETTER("letters", "security letters"),
        HOLD("holds", "holds"),
        BOOKING("bookings", "bookings");

        private final String rule;
        private final String what;

        Action(String rule, String what) {
            this.rule = rule;
            this.what = what;
        }
    }

    private final Budgets budgets;
    private final Budget letters;
    private final Budget holds;
    private final Budget bookings;

    public PlayerLimits(Budgets budgets, Budget letters, Budget holds, Budget bookings) {
        this.budgets = budgets;
        this.letters = letters;
        this.holds = holds;
        this.bookings = bookings;
    }

    /** Spends one {@code action} of the player's ticket; a 429 problem with Retry-After past the budget. */
    public void spend(Action action, Player player) {
        Budget budget = switch (action) {
            case LETTER -> letters;
            case HOLD -> holds;
            case BOOKING -> bookings;
        };
        LimitDecision decision;
        try {
            decision = budgets.spend(LimitKeys.key(action.rule, player.ticketId()), budget);
        } catch (RuntimeException e) {
            log.debug("{} limit not checked, letting the call through: {}", action.rule, e.toString());
            return;
        }
        if (decision instanceof LimitDecision.Limited limited) {
            throw TooManyRequests.problem("Too many " + action.what + " for this ticket; retry later.", limited);
        }
    }
}
