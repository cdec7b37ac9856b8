package dev.ticketingwarrior.edge.limit;

import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Reactive budgets spent on this instance first ({@link LocalAllowances}), in the shared store only past the local
 * allowance.
 */
public final class LocalFirstBudgets {

    private final ReactiveBudgets shared;
    private final LocalAllowances local;

    /** See {@link LocalAllowances#LocalAllowances(Clock, double, int)} for {@code share} and {@code slots}. */
    public LocalFirstBudgets(ReactiveBudgets shared, Clock clock, double share, int slots) {
        this.shared = shared;
        this.local = new LocalAllowances(clock, share, slots);
    }

    /** How many requests of {@code budget} a window an instance allows before it asks the store. */
    public int allowance(Budget budget) {
        return local.allowance(budget);
    }

    /** Spends one request of {@code key}'s budget: in memory within the allowance, in the shared store past it. */
    public Mono<LimitDecision> spend(String key, Budget budget) {
        return local.pastAllowance(key, budget)
                .map(rest -> shared.spend(key, rest))
                .orElseGet(() -> Mono.just(LimitDecision.ALLOWED));
    }
}
