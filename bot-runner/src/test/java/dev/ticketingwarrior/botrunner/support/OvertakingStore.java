package dev.ticketingwarrior.botrunner.support;

import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.control.domain.SettingsChange;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The bot settings as another instance's changes keep landing on them: before each of the first {@code races} swaps
 * this instance tries, someone else stores {@code base} with perRound 44, then 45, … A change made through it is
 * applied again over theirs, or gives up once it has lost too often.
 */
public final class OvertakingStore implements SettingsStore<BotSettings> {

    private final InMemorySettingsStore<BotSettings> held;
    private final BotSettings base;
    private final int races;
    private int raced;

    public OvertakingStore(InMemorySettingsStore<BotSettings> held, BotSettings base, int races) {
        this.held = held;
        this.base = base;
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
        Mono<Void> theirs =
                raced < races ? held.save(base.with(new SettingsChange(null, 44 + raced, null, null))) : Mono.empty();
        raced++;
        return theirs.then(held.swap(settings, expected));
    }

    @Override
    public Mono<Swap<BotSettings>> swapIfEmpty(BotSettings settings) {
        return held.swapIfEmpty(settings);
    }
}
