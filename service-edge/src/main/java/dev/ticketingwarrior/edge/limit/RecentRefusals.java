package dev.ticketingwarrior.edge.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients this instance saw go over a budget, each until its window ends: a refusal that costs no round trip to
 * the store. Bounded: past {@code capacity} clients the ended entries are dropped, and if none has ended the new one
 * is not remembered (the store still counts it, so it is refused again after its next failure).
 */
public final class RecentRefusals {

    private final ConcurrentHashMap<String, Instant> until = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    public RecentRefusals(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Remembers that {@code key} is refused for {@code retryAfter} from now. */
    public void refuse(String key, Duration retryAfter) {
        Instant now = clock.instant();
        if (until.size() >= capacity) {
            until.values().removeIf(end -> !end.isAfter(now));
            if (until.size() >= capacity) {
                return;
            }
        }
        until.merge(key, now.plus(retryAfter), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long {@code key} is still refused, if it is. */
    public Optional<LimitDecision.Limited> refused(String key) {
        Instant end = until.get(key);
        if (end == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), end);
        if (left.isNegative() || left.isZero()) {
            until.remove(key, end);
            return Optional.empty();
        }
        return Optional.of(new LimitDecision.Limited(left));
    }
}
