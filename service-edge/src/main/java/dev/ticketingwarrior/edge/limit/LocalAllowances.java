package dev.ticketingwarrior.edge.limit;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The part of each budget one instance allows in memory, for requests every client makes all the time (status polls,
 * seat maps, booking look-ups), where a store call each would make the shared store carry every client's every
 * request. Within each window (aligned to the epoch) a key's first {@code share × limit} requests on this instance are
 * allowed here; from then on each is spent in the shared store against the rest of the budget. So a client at normal
 * speed costs the store nothing, and one that goes past the allowance is counted across instances: with {@code k}
 * instances a key gets at most {@code k × allowance + (limit − allowance)} requests a window (the whole budget with
 * one instance).
 *
 * <p>The local counts are a fixed table of {@code slots} counters indexed by the key's hash, one table per window:
 * memory stays the same however many clients call. Keys that share a slot add up, so a key may reach the store before
 * its own allowance is spent; that costs a store call, never a refusal the store would not give.
 */
public final class LocalAllowances {

    private final Clock clock;
    private final double share;
    private final int slots;
    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();

    /**
     * {@code share}: the part of each budget an instance allows on its own, from 0 (none: all shared) to 1;
     * {@code slots}: counters per window, a power of two (4 bytes each).
     */
    public LocalAllowances(Clock clock, double share, int slots) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share is between 0 and 1, not " + share);
        }
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.clock = clock;
        this.share = share;
        this.slots = slots;
    }

    /** How many requests of {@code budget} a window an instance allows before it asks the store. */
    public int allowance(Budget budget) {
        return (int) Math.min(budget.limit() - 1L, (long) Math.floor(budget.limit() * share));
    }

    /**
     * Counts one request of {@code key}: empty when it is within this instance's allowance, otherwise the rest of the
     * budget, which the caller spends in the shared store.
     */
    public Optional<Budget> pastAllowance(String key, Budget budget) {
        int allowance = allowance(budget);
        if (allowance < 1) {
            return Optional.of(budget);
        }
        long length = budget.window().toMillis();
        long index = clock.millis() / length;
        Window window = windows.get(length);
        if (window == null || window.index != index) {
            // the first request of a new window starts a fresh table for everyone
            window = windows.compute(
                    length,
                    (ignored, current) ->
                            current == null || current.index < index ? new Window(index, slots) : current);
        }
        if (window.counts.incrementAndGet(slot(key)) <= allowance) {
            return Optional.empty();
        }
        return Optional.of(new Budget(budget.limit() - allowance, budget.window()));
    }

    /** The key's counter: its hash, spread so that keys differing only at the end land far apart. */
    private int slot(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & (slots - 1);
    }

    private static final class Window {

        final long index;
        final AtomicIntegerArray counts;

        Window(long index, int slots) {
            this.index = index;
            this.counts = new AtomicIntegerArray(slots);
        }
    }
}
