package dev.ticketingwarrior.edge.limit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Budgets shared by every instance, for a reactive stack. Calls fail with the store's error; the caller decides
 * whether a store that does not answer lets the request through or refuses it.
 */
public interface ReactiveBudgets {

    /** Spends one request of {@code key}'s budget. */
    Mono<LimitDecision> spend(String key, Budget budget);

    /** Whether one more request would be refused, spending nothing. */
    Mono<LimitDecision> look(String key, Budget budget);

    /** Takes one of at most {@code slots} concurrent slots; false when all are in use. */
    Mono<Boolean> takeSlot(String key, int slots, Duration ttl);

    /** Gives a slot taken with {@link #takeSlot} back. */
    Mono<Void> releaseSlot(String key);
}
