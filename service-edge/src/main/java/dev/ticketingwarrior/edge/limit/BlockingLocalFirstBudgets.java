package dev.ticketingwarrior.edge.limit;

/**
 * Blocking budgets spent on this instance first ({@link LocalAllowances}), in the shared store only past the local
 * allowance. They are for reads every client makes all the time; nothing looks at such a budget without spending.
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

    /** Not offered: the store holds only the part past this instance's allowance, so its answer would mislead. */
    @Override
    public LimitDecision look(String key, Budget budget) {
        throw new UnsupportedOperationException("a budget counted in memory first is only spent, never looked at");
    }
}
