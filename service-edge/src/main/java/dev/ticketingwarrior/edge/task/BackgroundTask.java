package dev.ticketingwarrior.edge.task;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background task that runs exactly while its application context is running: started with the context, stopped
 * when the context stops or is paused (a test context cache pauses contexts it is not using), restarted with it.
 * Without this, a stopped context's ticker would go on calling a client that has already shut down. The domain object
 * it runs knows nothing of threads or Spring.
 */
public final class BackgroundTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);

    private final Runnable start;
    private final Runnable stop;
    private volatile boolean running;

    /** A task that starts and stops itself (a reactive ticker). */
    public BackgroundTask(Runnable start, Runnable stop) {
        this.start = Objects.requireNonNull(start, "start");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /**
     * {@code task} run every {@code interval} on its own daemon thread named {@code name}. A failed run is logged and
     * the next one goes on: at DEBUG when {@code quiet} says the failure is already told elsewhere (a dependency whose
     * circuit breaker logs), else at WARN with {@code failed} as the message.
     */
    public static BackgroundTask every(
            String name, Duration interval, Runnable task, String failed, Predicate<RuntimeException> quiet) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(failed, "failed");
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (quiet.test(e)) {
                    log.debug("{}: {}", failed, e.toString());
                } else {
                    log.warn(failed, e);
                }
            }
        };
        Timer timer = new Timer(name, interval, guarded);
        return new BackgroundTask(timer::start, timer::stop);
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

    private static final class Timer {

        private final String name;
        private final Duration interval;
        private final Runnable task;
        private ScheduledExecutorService executor;

        Timer(String name, Duration interval, Runnable task) {
            this.name = Objects.requireNonNull(name, "name");
            this.interval = Objects.requireNonNull(interval, "interval");
            this.task = task;
        }

        void start() {
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name(name).daemon(true).factory());
            executor.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        void stop() {
            executor.shutdownNow();
            executor = null;
        }
    }
}
