package dev.ticketingwarrior.edge.limit;

/**
 * Budgets shared by every instance, for a blocking stack (booking on virtual threads). Calls throw the store's error;
 * the caller decides whether a store that does not answer lets the request through or refuses it.
 */
public interface Budgets {

    /** Spends one request of {@code key}'s budget. */
    LimitDecision spend(String key, Budget budget);

    /** Whether one more request would be refused, spending nothing. */
    LimitDecision look(String key, Budget budget);
}
