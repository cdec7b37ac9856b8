package dev.ticketingwarrior.edge.settings;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Where settings shared by every instance are kept: one value, read and written whole. */
public interface SettingsStore<T> {

    /** The stored settings; empty when none were ever saved or what is stored cannot be read as settings. */
    Mono<Optional<T>> load();

    Mono<Void> save(T settings);

    /**
     * Writes {@code settings} and reads what they replace in one step, so that of two changes made at once each learns
     * the one it replaced; when {@code expected} is given, only if the stored settings are those (an empty store never
     * matches).
     */
    Mono<Swap<T>> swap(T settings, Optional<T> expected);

    /** Like {@link #swap}, writing only while the store holds no settings at all. */
    Mono<Swap<T>> swapIfEmpty(T settings);

    /** Whether {@link #swap} wrote, and what was stored when it looked (empty: nothing, or nothing readable). */
    record Swap<T>(boolean written, Optional<T> previous) {}
}
