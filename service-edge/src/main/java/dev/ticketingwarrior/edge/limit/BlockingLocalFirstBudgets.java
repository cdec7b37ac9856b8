package dev.ticketingwarrior.edge.limit;

/**
 * Blocking budgets spent on this instance first ({@link LocalAllowances}), in the shared store only past the local
 * allowance; a look is always the store's.
 */
public final class BlockingLocalFirstBudgets implements Budgets {

    private final Budgets shared;
    private final LocalAllowances local;

    public BlockingLocalFirstBudgets(Budgets shared, LocalAllowances local) {
        this.shared = shared;
        this.local = local;
    }

    @Override
    public LimitDecision spend(String key, Budget budget) {
        return local.pastAllowance(key, budget)
                .map(rest -> shared.spend(key, rest))
                .orElse(LimitDecision.ALLOWED);
    }

    @Override
    public LimitDecision look(String key, Budget budget) {
        return shared.look(key, budget);
    }
}
