package dev.ticketingwarrior.botrunner.control.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.support.OvertakingStore;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import org.junit.jupiter.api.Test;

/** Ops change some fields of the shared bot settings; two changes made at once must both stand. */
class BotControlTests {

    private static final BotSettings BEFORE = new BotSettings(true, 150, Difficulty.NORMAL, 0.05);
    private static final SettingsChange HARDER = new SettingsChange(null, null, Difficulty.HARD, null);

    @Test
    void aChangeOfOneFieldIsAppliedAgainOverAnotherChangeThatLandedWhileItWasMade() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);
        BotControl control =
                new BotControl(new LiveSettings<>("bot settings", new OvertakingStore(held, BEFORE, 1), BEFORE));

        BotControl.Change after = control.change(HARDER, "10.0.0.7").block();

        BotSettings both = new BotSettings(true, 44, Difficulty.HARD, 0.05);
        assertThat(after).isEqualTo(new BotControl.Change.Made(both));
        assertThat(held.held()).as("neither change lost").contains(both);
    }

    @Test
    void aChangeThatKeepsLosingToOthersGivesUpAsBusyAndStoresNothing() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);
        BotControl control = new BotControl(
                new LiveSettings<>("bot settings", new OvertakingStore(held, BEFORE, Integer.MAX_VALUE), BEFORE));

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
}
