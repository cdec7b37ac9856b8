package dev.ticketingwarrior.edge.settings;

import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * This instance's copy of settings shared through a store (the ops throttle, the bot fleet's settings): read on the
 * hot path without a store call, refreshed from the store while {@link #start started}, so a change made through any
 * instance applies to all of them within one refresh. While the store has never held any, the configured defaults
 * apply; while it does not answer, the last known settings stay. When a store that held settings comes back empty
 * (Redis restarted without its data, a failover to an empty node), the settings ops chose stay and are written back,
 * rather than the defaults quietly taking over: a paused admission must not resume because Redis lost a key.
 */
public final class LiveSettings<T> {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    /** A store down fails every refresh: one line every 10 s, with how many it stands for. */
    private final RepeatedWarnings failedRefreshes = new RepeatedWarnings(log);

    private final String name;
    private final SettingsStore<T> store;
    private final T defaults;
    private final AtomicReference<T> current;
    /** Whether {@link #current} was stored: read from the store, or a change that was saved to it. */
    private final AtomicBoolean stored = new AtomicBoolean();

    private final AtomicReference<Disposable> refresher = new AtomicReference<>();

    /** {@code name}: what the log calls them. */
    public LiveSettings(String name, SettingsStore<T> store, T defaults) {
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

    /**
     * Reads the store now; the answer is also what {@link #get()} returns from then on. An empty store gives the
     * defaults if it never held settings this instance knows of, else this instance's settings, written back.
     */
    public Mono<T> refresh() {
        return store.load()
                .flatMap(found -> found.map(settings -> Mono.just(settings).doOnNext(this::changed))
                        .orElseGet(this::noneStored));
    }

    /**
     * Takes settings that are in the store (a change made through this instance, or read) at once, without waiting for
     * a refresh.
     */
    public void changed(T settings) {
        stored.set(true);
        apply(settings);
    }

    /**
     * Stores {@code updated} in one step with reading what it replaces; when {@code expected} is given, only if the
     * settings in force are those. In force here at once when written. The answer's {@code previous} is what was in
     * force before: the store's, or, while it holds none, this instance's (the defaults, or settings kept after the
     * store lost them), which an {@code expected} then matches.
     */
    public Mono<SettingsStore.Swap<T>> swap(T updated, Optional<T> expected) {
        T inForce = current.get();
        return store.swap(updated, expected)
                .flatMap(swap -> {
                    if (swap.previous().isPresent()) {
                        if (!swap.written()) {
                            changed(swap.previous().get()); // stored by someone else: in force here too
                        }
                        return Mono.just(swap);
                    }
                    // the store held nothing: this instance's settings were in force, and an expected matches them
                    if (swap.written() || !expected.equals(Optional.of(inForce))) {
                        return Mono.just(new SettingsStore.Swap<>(swap.written(), Optional.of(inForce)));
                    }
                    // only into a store still empty: a change another instance stored meanwhile is not overwritten
                    return store.swapIfEmpty(updated).map(second -> {
                        if (!second.written()) {
                            second.previous().ifPresent(this::changed);
                        }
                        return second.written() ? new SettingsStore.Swap<>(true, Optional.of(inForce)) : second;
                    });
                })
                .doOnNext(swap -> {
                    if (swap.written()) {
                        changed(updated);
                    }
                });
    }

    private Mono<T> noneStored() {
        if (!stored.get()) {
            apply(defaults);
            return Mono.just(defaults);
        }
        T kept = current.get();
        log.warn("the store has lost the {} (its data is gone?): writing back {}", name, kept);
        return store.save(kept).thenReturn(kept);
    }

    private void apply(T settings) {
        T previous = current.getAndSet(Objects.requireNonNull(settings, "settings"));
        if (!settings.equals(previous)) {
            log.info("{} now {}", name, settings);
        }
    }

    /** Refreshes now and then every {@code every} on {@code timer}, until {@link #stop()}. */
    public void start(Duration every, Scheduler timer) {
        Disposable started = Flux.interval(Duration.ZERO, every, timer)
                .onBackpressureDrop()
                .concatMap(tick -> refresh()
                        .doOnSuccess(read -> failedRefreshes.cleared("refresh", "the {} are read again", name))
                        .onErrorResume(e -> {
                            failedRefreshes.warn(
                                    "refresh",
                                    "could not refresh the {}, keeping {}: {}",
                                    name,
                                    current.get(),
                                    e.toString());
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
