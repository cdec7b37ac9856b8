package dev.ticketingwarrior.botrunner.control.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * This instance's view of the shared settings: read on the hot path without a store call, refreshed from the store
 * every few moments, so a change made through any instance applies to all of them within one refresh. When the store
 * holds nothing yet, the configured defaults apply ({@code BOTS_ENABLED=false} therefore starts the fleet idle). When
 * the store does not answer, the last known settings stay.
 */
public final class CurrentSettings {

    private static final Logger log = LoggerFactory.getLogger(CurrentSettings.class);

    private final BotSettingsStore store;
    private final BotSettings defaults;
    private final AtomicReference<BotSettings> current;

    public CurrentSettings(BotSettingsStore store, BotSettings defaults) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.current = new AtomicReference<>(defaults);
    }

    public BotSettings get() {
        return current.get();
    }

    public BotSettings defaults() {
        return defaults;
    }

    /** Reads the store now; the answer is also what {@link #get()} returns from then on. */
    public Mono<BotSettings> refresh() {
        return store.load().map(stored -> stored.orElse(defaults)).doOnNext(this::apply);
    }

    void apply(BotSettings settings) {
        BotSettings previous = current.getAndSet(settings);
        if (!settings.equals(previous)) {
            log.info("bot settings now {}", settings);
        }
    }

    /** Refreshes every {@code every} until disposed. */
    public Disposable watch(Duration every, Scheduler timer) {
        return Flux.interval(Duration.ZERO, every, timer)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("could not refresh the bot settings, keeping {}: {}", current.get(), e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }
}
