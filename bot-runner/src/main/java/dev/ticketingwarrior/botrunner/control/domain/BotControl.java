package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.edge.settings.LiveSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Reads and changes the shared bot settings; every change leaves one audit line. */
public final class BotControl {

    private static final Logger audit = LoggerFactory.getLogger("audit.bots");

    /** How many times a change is applied again over others' before it gives up: each retry means one of theirs won. */
    private static final int TRIES = 10;

    private final LiveSettings<BotSettings> current;

    public BotControl(LiveSettings<BotSettings> current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    /** The settings in force, as stored (not this instance's possibly older copy). */
    public Mono<BotSettings> settings() {
        return current.refresh();
    }

    /**
     * Applies a change on top of the stored settings. A change whose result breaks a rule is {@link Change.Invalid},
     * and nothing is stored. A change asks for some fields only, so it is stored only over the settings it was applied
     * to: when someone else's change landed in between, it is applied again on theirs, and neither is lost. Each audit
     * line names the settings its change replaced. Past {@value #TRIES} such collisions in a row it gives up as
     * {@link Change.Busy}, storing nothing.
     */
    public Mono<Change> change(SettingsChange change, String actor) {
        return current.refresh().flatMap(before -> changeOver(before, change, actor, TRIES));
    }

    private Mono<Change> changeOver(BotSettings before, SettingsChange change, String actor, int tries) {
        BotSettings after;
        try {
            after = before.with(change);
        } catch (InvalidSettingsException e) {
            return Mono.just(new Change.Invalid(e.problems()));
        }
        return current.swap(after, Optional.of(before)).flatMap(swap -> {
            if (swap.written()) {
                audit.info("bot settings changed by {}: {} -> {} (asked: {})", actor, before, after, describe(change));
                return Mono.just(new Change.Made(after));
            }
            if (tries <= 1) {
                return Mono.just(new Change.Busy(TRIES));
            }
            return changeOver(swap.previous().orElseThrow(), change, actor, tries - 1);
        });
    }

    /** What a change did. */
    public sealed interface Change {

        /** Stored, and in force on every instance within a second. */
        record Made(BotSettings settings) implements Change {}

        /** Not made: the settings it would give break these rules. */
        record Invalid(List<String> problems) implements Change {}

        /**
         * Not made: others' changes landed {@code tries} times in a row while this one was made; nothing of it was
         * stored, and the caller should retry shortly, not read it as a fault of the service.
         */
        record Busy(int tries) implements Change {}
    }

    private static String describe(SettingsChange change) {
        return "enabled=" + change.enabled() + ", perRound=" + change.perRound() + ", difficulty=" + change.difficulty()
                + ", cancelProbability=" + change.cancelProbability();
    }
}
