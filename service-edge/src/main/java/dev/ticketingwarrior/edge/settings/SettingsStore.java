package dev.ticketingwarrior.edge.settings;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Where settings shared by every instance are kept: one value, read and written whole. */
public interface SettingsStore<T> {

    /** The stored settings; empty when none were ever saved or what is stored cannot be read as settings. */
    Mono<Optional<T>> load();

    Mono<Void> save(T settings);
}
