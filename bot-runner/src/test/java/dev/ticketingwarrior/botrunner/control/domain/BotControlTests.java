package dev.ticketingwarrior.botrunner.control.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Ops change some fields of the shared bot settings; two changes made at once must both stand. */
class BotControlTests {

    private static final BotSettings BEFORE = new BotSettings(true, 150, Difficulty.NORMAL, 0.05);
    private static final SettingsChange HARDER = new SettingsChange(null, null, Difficulty.HARD, null);

    @Test
    void aChangeOfOneFieldIsAppliedAgainOverAnotherChangeThatLandedWhileItWasMade() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);
        BotControl control = new BotControl(new LiveSettings<>("bot settings", new Racing(held, 1), BEFORE));

        BotControl.Change after = control.change(HARDER, "10.0.0.7").block();

        BotSettings both = new BotSettings(true, 44, Difficulty.HARD, 0.05);
        assertThat(after).isEqualTo(new BotControl.Change.Made(both));
        assertThat(held.held()).as("neither change lost").contains(both);
    }

    @Test
    void aChangeThatKeepsLosingToOthersGivesUpAsBusyAndStoresNothing() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);
        BotControl control =
                new BotControl(new LiveSettings<>("bot settings", new Racing(held, Integer.MAX_VALUE), BEFORE));

        assertThat(control.change(HARDER, "10.0.0.7").block()).isEqualTo(new BotControl.Change.Busy(10));

        assertThat(held.held().orElseThrow().difficulty())
                .as("only the others' changes stored")
                .isEqualTo(Difficulty.NORMAL);
    }

    @Test
    void aChangeWhoseResultBreaksARuleSaysWhichAndStoresNothing() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);
        BotControl control = new BotControl(new LiveSettings<>("bot settings", held, BEFORE));

        BotControl.Change refused = control.change(
                        new SettingsChange(null, BotSettings.MAX_PER_ROUND + 1, null, 1.5), "10.0.0.7")
                .block();

        assertThat(refused)
                .isInstanceOfSatisfying(
                        BotControl.Change.Invalid.class,
                        invalid -> assertThat(invalid.problems())
                                .hasSize(2)
                                .anySatisfy(problem -> assertThat(problem).startsWith("perRound"))
                                .anySatisfy(problem -> assertThat(problem).startsWith("cancelProbability")));
        assertThat(held.held()).as("nothing stored").contains(BEFORE);
    }

    /** Another instance's change of perRound (44, then 45, …) lands before each of the first {@code races} swaps. */
    private static final class Racing implements SettingsStore<BotSettings> {

        private final InMemorySettingsStore<BotSettings> held;
        private final int races;
        private int raced;

        Racing(InMemorySettingsStore<BotSettings> held, int races) {
            this.held = held;
            this.races = races;
        }

        @Override
        public Mono<Optional<BotSettings>> load() {
            return held.load();
        }

        @Override
        public Mono<Void> save(BotSettings settings) {
            return held.save(settings);
        }

        @Override
        public Mono<Swap<BotSettings>> swap(BotSettings settings, Optional<BotSettings> expected) {
            Mono<Void> theirs = raced < races
                    ? held.save(BEFORE.with(new SettingsChange(null, 44 + raced, null, null)))
                    : Mono.empty();
            raced++;
            return theirs.then(held.swap(settings, expected));
        }

        @Override
        public Mono<Swap<BotSettings>> swapIfEmpty(BotSettings settings) {
            return held.swapIfEmpty(settings);
        }
    }
}
