package dev.ticketingwarrior.edge.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * This instance's copy of settings shared through a store (the ops throttle, the bot fleet's settings): read on the
 * hot path without a store call, refreshed from the store while {@link #start started}, so a change made through any
 * instance applies to all of them within one refresh. While the store holds nothing, the configured defaults apply;
 * while it does not answer, the last known settings stay.
 */
public final class LiveSettings<T> {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    private final String name;
    private final Supplier<Mono<Optional<T>>> store;
    private final T defaults;
    private final AtomicReference<T> current;
    private final AtomicReference<Disposable> refresher = new AtomicReference<>();

    /** {@code name}: what the log calls them; {@code store}: reads the stored settings, empty when none are. */
    public LiveSettings(String name, Supplier<Mono<Optional<T>>> store, T defaults) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.current = new AtomicReference<>(defaults);
    }

    public T get() {
        return current.get();
    }

    public T defaults() {
        return defaults;
    }

    /** Reads the store now; the answer is also what {@link #get()} returns from then on. */
    public Mono<T> refresh() {
        return store.get().map(stored -> stored.orElse(defaults)).doOnNext(this::changed);
    }

    /** Takes a change made through this instance at once, without waiting for the next refresh. */
    public void changed(T settings) {
        T previous = current.getAndSet(Objects.requireNonNull(settings, "settings"));
        if (!settings.equals(previous)) {
            log.info("{} now {}", name, settings);
        }
    }

    /** Refreshes now and then every {@code every} on {@code timer}, until {@link #stop()}. */
    public void start(Duration every, Scheduler timer) {
        Disposable started = Flux.interval(Duration.ZERO, every, timer)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("could not refresh the {}, keeping {}: {}", name, current.get(), e.toString());
                    return Mono.empty();
                }))
                .subscribe();
        Disposable previous = refresher.getAndSet(started);
        if (previous != null) {
            previous.dispose();
        }
    }

    public void stop() {
        Disposable running = refresher.getAndSet(null);
        if (running != null) {
            running.dispose();
        }
    }

    public boolean isStarted() {
        return refresher.get() != null;
    }
}
