package dev.ticketingwarrior.admission.config;

import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * A periodic task that runs exactly while its application context is running: started with the context, stopped
 * when the context stops or is paused (a test context cache pauses contexts it is not using), restarted with it.
 * Without this, a stopped context's ticker would go on calling a Redis client that has already shut down.
 */
final class BackgroundTask implements SmartLifecycle {

    private final Runnable start;
    private final Runnable stop;
    private volatile boolean running;

    BackgroundTask(Runnable start, Runnable stop) {
        this.start = Objects.requireNonNull(start, "start");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    @Override
    public synchronized void start() {
        if (!running) {
            start.run();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            stop.run();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
