package dev.ticketingwarrior.edge.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

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

    @Test
    void aSwapSaysWhatItReplacedAndAConditionalOneWritesOnlyOverWhatItExpected() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>(PAUSED);
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);
        Throttle faster = new Throttle(100, false);
        Throttle slower = new Throttle(5, false);

        SettingsStore.Swap<Throttle> first =
                settings.swap(faster, Optional.of(PAUSED)).block();
        SettingsStore.Swap<Throttle> stale =
                settings.swap(slower, Optional.of(PAUSED)).block();

        assertThat(first).isEqualTo(new SettingsStore.Swap<>(true, Optional.of(PAUSED)));
        assertThat(stale)
                .as("made on settings read before the first change: refused, with what is in force")
                .isEqualTo(new SettingsStore.Swap<>(false, Optional.of(faster)));
        assertThat(store.held()).contains(faster);
        assertThat(settings.get()).isEqualTo(faster);
    }

    @Test
    void whileTheStoreHoldsNothingTheSettingsInForceHereAreWhatASwapReplacesAndExpects() {
        InMemorySettingsStore<Throttle> store = new InMemorySettingsStore<>();
        LiveSettings<Throttle> settings = new LiveSettings<>("throttle", store, DEFAULTS);

        SettingsStore.Swap<Throttle> stale =
                settings.swap(PAUSED, Optional.of(new Throttle(1, true))).block();
        SettingsStore.Swap<Throttle> onDefaults =
                settings.swap(PAUSED, Optional.of(DEFAULTS)).block();

        assertThat(stale).isEqualTo(new SettingsStore.Swap<>(false, Optional.of(DEFAULTS)));
        assertThat(onDefaults).isEqualTo(new SettingsStore.Swap<>(true, Optional.of(DEFAULTS)));
        assertThat(store.held()).contains(PAUSED);
        assertThat(settings.get()).isEqualTo(PAUSED);
    }

    /**
     * Two instances change the settings at once while the store holds none: both expected the defaults, and only the
     * first change is made; the second learns the first's, as over a store that held them.
     */
    @Test
    void ofTwoChangesMadeAtOnceOnAnEmptyStoreOnlyTheFirstIsMade() {
        InMemorySettingsStore<Throttle> held = new InMemorySettingsStore<>();
        Throttle first = new Throttle(100, false);
        Throttle second = new Throttle(5, true);
        LiveSettings<Throttle> one = new LiveSettings<>("throttle", held, DEFAULTS);
        // the other instance's change lands between this one's look at the empty store and its write
        SettingsStore<Throttle> racing = new SettingsStore<>() {
            @Override
            public Mono<Optional<Throttle>> load() {
                return held.load();
            }

            @Override
            public Mono<Void> save(Throttle settings) {
                return held.save(settings);
            }

            @Override
            public Mono<Swap<Throttle>> swap(Throttle settings, Optional<Throttle> expected) {
                return held.swap(settings, expected);
            }

            @Override
            public Mono<Swap<Throttle>> swapIfEmpty(Throttle settings) {
                return one.swap(first, Optional.of(DEFAULTS)).then(held.swapIfEmpty(settings));
            }
        };
        LiveSettings<Throttle> other = new LiveSettings<>("throttle", racing, DEFAULTS);

        SettingsStore.Swap<Throttle> late =
                other.swap(second, Optional.of(DEFAULTS)).block();

        assertThat(late).isEqualTo(new SettingsStore.Swap<>(false, Optional.of(first)));
        assertThat(held.held()).contains(first);
        assertThat(other.get()).isEqualTo(first);
    }
}
