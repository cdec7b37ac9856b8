package dev.ticketingwarrior.edge.limit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Budgets spent on this instance first, in the shared store only past a local allowance: for requests every player
 * makes all the time (status polls), where a store call each would make the store carry every player's every request.
 * Within each window (aligned to the epoch) a key's first {@code share × limit} requests on this instance are allowed
 * in memory; from then on each is spent in the shared store against the rest of the budget. So a player at normal
 * speed costs the store nothing, and one that goes past the allowance is counted across instances: with {@code k}
 * instances a key gets at most {@code k × allowance + (limit − allowance)} requests a window (the whole budget with
 * one instance). Bounded: past {@code capacity} keys in a window, every further key is spent in the store.
 */
public final class LocalFirstBudgets {

    private final ReactiveBudgets shared;
    private final Clock clock;
    private final double share;
    private final int capacity;
    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();

    /** {@code share}: the part of each budget an instance allows on its own, from 0 (none: all shared) to 1. */
    public LocalFirstBudgets(ReactiveBudgets shared, Clock clock, double share, int capacity) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share is between 0 and 1, not " + share);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.shared = shared;
        this.clock = clock;
        this.share = share;
        this.capacity = capacity;
    }

    /** How many requests of {@code budget} a window an instance allows before it asks the store. */
    public int allowance(Budget budget) {
        return (int) Math.min(budget.limit() - 1L, (long) Math.floor(budget.limit() * share));
    }

    /** Spends one request of {@code key}'s budget: in memory within the allowance, in the shared store past it. */
    public Mono<LimitDecision> spend(String key, Budget budget) {
        int allowance = allowance(budget);
        if (allowance < 1) {
            return shared.spend(key, budget);
        }
        long length = budget.window().toMillis();
        long index = clock.millis() / length;
        Window window = windows.get(length);
        if (window == null || window.index != index) {
            // the first request of a new window replaces the old one (and its keys) for everyone
            window = windows.compute(
                    length,
                    (ignored, current) -> current == null || current.index < index ? new Window(index) : current);
        }
        AtomicInteger count = window.counts.get(key);
        if (count == null) {
            if (window.counts.size() >= capacity) {
                return shared.spend(key, budget);
            }
            count = window.counts.computeIfAbsent(key, ignored -> new AtomicInteger());
        }
        if (count.incrementAndGet() <= allowance) {
            return Mono.just(LimitDecision.ALLOWED);
        }
        return shared.spend(key, new Budget(budget.limit() - allowance, budget.window()));
    }

    private static final class Window {

        final long index;
        final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        Window(long index) {
            this.index = index;
        }
    }
}
