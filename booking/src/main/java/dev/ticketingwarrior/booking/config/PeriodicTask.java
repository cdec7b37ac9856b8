package dev.ticketingwarrior.booking.config;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A task run every {@code interval} on its own daemon thread, exactly while its application context is running (as
 * admission's BackgroundTask), so the domain object it runs knows nothing of threads or Spring. A failed run is logged
 * and the next one goes on: at DEBUG when a dependency is down (its circuit breaker already tells), else at WARN.
 */
final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final String failed;
    private volatile ScheduledExecutorService timer;

    /** {@code name}: the thread's; {@code failed}: what the log says when a run fails. */
    PeriodicTask(String name, Duration interval, Runnable task, String failed) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.task = Objects.requireNonNull(task, "task");
        this.failed = Objects.requireNonNull(failed, "failed");
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon(true).factory());
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (DependencyUnavailableException e) {
                        log.debug("{}: {}", failed, e.toString());
                    } catch (RuntimeException e) {
                        log.warn(failed, e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
