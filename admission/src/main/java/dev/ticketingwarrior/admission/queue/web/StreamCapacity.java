package dev.ticketingwarrior.admission.queue.web;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams this instance holds at most. Past it a new stream is refused (503 with Retry-After; the web
 * app and the bots poll the status instead) and everything else keeps being answered: one more stream must never cost
 * the instance its heap. Public for the wiring and the {@code ticketing.queue.streams} gauge, which reads
 * {@link #open()}.
 */
public final class StreamCapacity {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    public StreamCapacity(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("an instance holds at least one stream, not " + max);
        }
        this.max = max;
    }

    /** Places taken: the streams this instance holds or is opening. With every place taken, a new one is refused. */
    public int open() {
        return open.get();
    }

    /** A place for one more stream, to give back once with {@link Place#leave()}; empty when the instance is full. */
    Optional<Place> enter() {
        while (true) {
            int now = open.get();
            if (now >= max) {
                return Optional.empty();
            }
            if (open.compareAndSet(now, now + 1)) {
                return Optional.of(new Place());
            }
        }
    }

    /** One stream's place; leaving twice gives it back once. */
    final class Place {

        private final AtomicBoolean left = new AtomicBoolean();

        void leave() {
            if (left.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        }
    }
}
