package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import reactor.core.publisher.Mono;

/** Per-round bot counters that every instance adds to. */
public interface BotStatsStore {

    Mono<Void> increment(RoundId round, StatField field);

    Mono<RoundBotStats> read(RoundId round);
}
