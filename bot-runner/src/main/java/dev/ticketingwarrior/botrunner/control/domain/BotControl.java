package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Reads and changes the shared bot settings; every change leaves one audit line. */
public final class BotControl {

    private static final Logger audit = LoggerFactory.getLogger("audit.bots");

    private final SettingsStore<BotSettings> store;
    private final LiveSettings<BotSettings> current;

    public BotControl(SettingsStore<BotSettings> store, LiveSettings<BotSettings> current) {
        this.store = Objects.requireNonNull(store, "store");
        this.current = Objects.requireNonNull(current, "current");
    }

    /** The settings in force, as stored (not this instance's possibly older copy). */
    public Mono<BotSettings> settings() {
        return current.refresh();
    }

    /**
     * Applies a change on top of the stored settings. Invalid results throw {@link InvalidSettingsException} before
     * anything is stored. Two ops racing each other: the last write wins, and both are in the audit log.
     */
    public Mono<BotSettings> change(SettingsChange change, String actor) {
        return current.refresh().flatMap(before -> {
            BotSettings after = before.with(change);
            return store.save(after).then(Mono.fromSupplier(() -> {
                current.changed(after);
                audit.info("bot settings changed by {}: {} -> {} (asked: {})", actor, before, after, describe(change));
                return after;
            }));
        });
    }

    private static String describe(SettingsChange change) {
        return "enabled=" + change.enabled() + ", perRound=" + change.perRound() + ", difficulty=" + change.difficulty()
                + ", cancelProbability=" + change.cancelProbability();
    }
}
