package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Per-round bot counters that every instance adds to. */
public interface BotStatsStore {

    /** Adds a batch of increments to one round's counters, atomically. */
    Mono<Void> add(RoundId round, Map<StatField, Long> increments);

    Mono<RoundBotStats> read(RoundId round);
}
