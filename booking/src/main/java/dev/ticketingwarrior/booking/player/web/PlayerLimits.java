package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client limits on a player's calls: security letters and their answers, seat maps, holds and their releases,
 * bookings. The client is the ticket of the verified admission token: one player, whatever address it shares with
 * others (a household, a carrier's NAT, a bot-runner's bots, each of which has its own ticket). Tickets come only
 * through queue entry, which is limited per address. Seat maps, which every player reads about once a second, are
 * counted in memory first ({@code readBudgets}, local first) and reach Redis only past the instance's allowance.
 *
 * <p>A budget that cannot be counted lets the call through: the call itself needs the same Redis and answers 503 when
 * it is down, so the limiter would only add a second refusal (and, behind the open circuit breaker, it costs nothing).
 */
public final class PlayerLimits {

    private static final Logger log = LoggerFactory.getLogger(PlayerLimits.class);

    /** What a player spends a budget on. */
    public enum Action {
        LETTER("letters", "security letters"),
        ANSWER("letter-answers", "answers to security letters"),
        SEAT_MAP("seat-maps", "seat map reads"),
        HOLD("holds", "holds"),
        RELEASE("releases", "hold releases"),
        BOOKING("bookings", "bookings");

        private final String rule;
        private final String what;

        Action(String rule, String what) {
            this.rule = rule;
            this.what = what;
        }
    }

    private final Budgets budgets;
    private final Budgets readBudgets;
    private final Map<Action, Budget> perTicket;

    /** {@code perTicket}: a budget for every action; {@code readBudgets} counts {@link Action#SEAT_MAP}. */
    public PlayerLimits(Budgets budgets, Budgets readBudgets, Map<Action, Budget> perTicket) {
        EnumMap<Action, Budget> all = new EnumMap<>(Action.class);
        all.putAll(perTicket);
        if (all.size() != Action.values().length) {
            throw new IllegalArgumentException("a budget for every action, not only " + all.keySet());
        }
        this.budgets = budgets;
        this.readBudgets = readBudgets;
        this.perTicket = all;
    }

    /** Spends one {@code action} of the player's ticket; a 429 problem with Retry-After past the budget. */
    public void spend(Action action, Player player) {
        LimitDecision decision;
        try {
            decision = (action == Action.SEAT_MAP ? readBudgets : budgets)
                    .spend(LimitKeys.key(action.rule, player.ticketId()), perTicket.get(action));
        } catch (RuntimeException e) {
            log.debug("{} limit not checked, letting the call through: {}", action.rule, e.toString());
            return;
        }
        if (decision instanceof LimitDecision.Limited limited) {
            throw TooManyRequests.problem("Too many " + action.what + " for this ticket; retry later.", limited);
        }
    }
}
