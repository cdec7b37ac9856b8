package dev.ticketingwarrior.edge.testing;

import dev.ticketingwarrior.edge.settings.SettingsStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/** A settings store in memory, for unit tests of what reads settings: empty, or holding what it was given. */
public final class InMemorySettingsStore<T> implements SettingsStore<T> {

    private final AtomicReference<T> held = new AtomicReference<>();
    private final AtomicInteger saves = new AtomicInteger();

    public InMemorySettingsStore() {}

    public InMemorySettingsStore(T settings) {
        held.set(settings);
    }

    @Override
    public Mono<Optional<T>> load() {
        return Mono.fromSupplier(() -> Optional.ofNullable(held.get()));
    }

    @Override
    public Mono<Void> save(T settings) {
        return Mono.fromRunnable(() -> {
            held.set(settings);
            saves.incrementAndGet();
        });
    }

    @Override
    public Mono<Swap<T>> swap(T settings, Optional<T> expected) {
        return swapWhen(settings, held -> expected.isEmpty() || expected.equals(held));
    }

    @Override
    public Mono<Swap<T>> swapIfEmpty(T settings) {
        return swapWhen(settings, Optional::isEmpty);
    }

    /** Writes {@code settings} when what is held passes {@code writable}, in one step with reading it. */
    private Mono<Swap<T>> swapWhen(T settings, Predicate<Optional<T>> writable) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                Optional<T> previous = Optional.ofNullable(held.get());
                if (!writable.test(previous)) {
                    return new Swap<>(false, previous);
                }
                held.set(settings);
                saves.incrementAndGet();
                return new Swap<>(true, previous);
            }
        });
    }

    /** What a store that lost its data holds: nothing. */
    public void lose() {
        held.set(null);
    }

    public Optional<T> held() {
        return Optional.ofNullable(held.get());
    }

    public int saves() {
        return saves.get();
    }
}
