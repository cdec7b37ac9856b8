package dev.ticketingwarrior.admission.throttle.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This instance's copy of the global settings, re-read every {@code refresh}. It only seeds rounds: once a round has
 * started, its settings live with the round in Valkey (so a change made through any instance applies to all of them
 * at the same instant), and this copy matters only for the next round.
 */
public final class CurrentSettings {

    private static final Logger log = LoggerFactory.getLogger(CurrentSettings.class);

    private final AdmissionSettingsStore store;
    private final AdmissionSettings defaults;
    private final Duration refresh;
    private final AtomicReference<AdmissionSettings> current;
    private volatile Disposable refresher;

    public CurrentSettings(AdmissionSettingsStore store, AdmissionSettings defaults, Duration refresh) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.current = new AtomicReference<>(defaults);
    }

    public AdmissionSettings get() {
        return current.get();
    }

    public AdmissionSettings defaults() {
        return defaults;
    }

    /** Reads the stored settings now. */
    public Mono<AdmissionSettings> reload() {
        return store.load().map(stored -> stored.orElse(defaults)).doOnNext(current::set);
    }

    /** Takes a change made through this instance at once, without waiting for the next refresh. */
    public void changed(AdmissionSettings settings) {
        current.set(settings);
    }

    public void start() {
        refresher = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> reload().onErrorResume(e -> {
                    log.warn("could not refresh admission settings, keeping {}: {}", current.get(), e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    public void stop() {
        Disposable running = refresher;
        if (running != null) {
            running.dispose();
        }
    }
}
