package dev.ticketingwarrior.botrunner.control.domain;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Where the one set of bot settings shared by every instance lives. */
public interface BotSettingsStore {

    /** The stored settings; empty when ops never set any (the configured defaults apply). */
    Mono<Optional<BotSettings>> load();

    Mono<Void> save(BotSettings settings);
}
