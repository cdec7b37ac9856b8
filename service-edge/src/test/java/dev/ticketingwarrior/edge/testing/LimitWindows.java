package dev.ticketingwarrior.edge.testing;

import java.time.Clock;
import java.time.Duration;

/**
 * For tests that spend a whole budget counted in memory first: those windows are aligned to the epoch of the
 * service's clock, and a test that crossed a window's end would find the local part renewed halfway.
 */
public final class LimitWindows {

    private LimitWindows() {}

    /** Returns once at least {@code room} is left of the current {@code window} of {@code clock} (waits if not). */
    public static void awaitRoom(Clock clock, Duration window, Duration room) {
        long length = window.toMillis();
        long left = length - Math.floorMod(clock.millis(), length);
        if (left < room.toMillis()) {
            try {
                Thread.sleep(left + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a fresh limit window", e);
            }
        }
    }
}
