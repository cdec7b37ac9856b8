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

    @Test
    void aChangeOfOneFieldIsAppliedAgainOverAnotherChangeThatLandedWhileItWasMade() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);
        // another instance's change (perRound 44) lands between this change's read and its write
        SettingsStore<BotSettings> racing = new SettingsStore<>() {
            private boolean raced;

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
                Mono<Void> theirs =
                        raced ? Mono.empty() : held.save(BEFORE.with(new SettingsChange(null, 44, null, null)));
                raced = true;
                return theirs.then(held.swap(settings, expected));
            }

            @Override
            public Mono<Swap<BotSettings>> swapIfEmpty(BotSettings settings) {
                return held.swapIfEmpty(settings);
            }
        };
        BotControl control = new BotControl(new LiveSettings<>("bot settings", racing, BEFORE));

        BotSettings after = control.change(new SettingsChange(null, null, Difficulty.HARD, null), "10.0.0.7")
                .block();

        BotSettings both = new BotSettings(true, 44, Difficulty.HARD, 0.05);
        assertThat(after).isEqualTo(both);
        assertThat(held.held()).as("neither change lost").contains(both);
    }
}
