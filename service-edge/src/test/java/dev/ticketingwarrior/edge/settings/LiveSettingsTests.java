package dev.ticketingwarrior.edge.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import org.junit.jupiter.api.Test;

class LiveSettingsTests {

    private record Throttle(int perSecond, boolean paused) {}

    private static final Throttle DEFAULTS = new Throttle(20, false);
    private static final Throttle PAUSED = new Throttle(75, true);

    @Test
    void anEmptyStoreThatNeverHeldSettingsGivesTheDefaultsAndWritesNothing() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>();
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);

        assertThat(settings.refresh().block()).isEqualTo(DEFAULTS);
        assertThat(settings.get()).isEqualTo(DEFAULTS);
        assertThat(store.held()).isEmpty();
    }

    @Test
    void takesWhatAnyInstanceStored() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>();
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);
        store.save(PAUSED).block();

        assertThat(settings.refresh().block()).isEqualTo(PAUSED);
        assertThat(settings.get()).isEqualTo(PAUSED);
    }

    @Test
    void aStoreThatLostTheSettingsItHeldGetsThemBackInsteadOfTheDefaultsTakingOver() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>(PAUSED);
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);
        settings.refresh().block();

        store.lose();

        assertThat(settings.refresh().block())
                .as("a paused admission stays paused")
                .isEqualTo(PAUSED);
        assertThat(settings.get()).isEqualTo(PAUSED);
        assertThat(store.held()).as("written back for every instance").contains(PAUSED);
    }

    @Test
    void aChangeMadeThroughThisInstanceIsWrittenBackTooOnceTheStoreLostIt() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>();
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);
        store.save(PAUSED).block();
        settings.changed(PAUSED);

        store.lose();

        assertThat(settings.refresh().block()).isEqualTo(PAUSED);
        assertThat(store.held()).contains(PAUSED);
    }

    @Test
    void anInstanceThatNeverSawStoredSettingsDoesNotWriteItsDefaultsOverAnEmptyStore() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>();
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);
        settings.refresh().block();
        settings.refresh().block();

        assertThat(store.saves()).isZero();
    }
}
