package dev.ticketingwarrior.botrunner.fleet.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import reactor.core.publisher.Mono;

/**
 * The per-round launch counter all instances share. A claim is atomic: it grants {@code min(wanted,
 * ceil(remaining / divisor))} and never more than the round's cap, which the round's first claim pins to {@code
 * perRound} (a settings change mid-round applies from the next round, for every instance alike).
 */
public interface LaunchSlots {

    Mono<SlotClaim> claim(RoundId round, int wanted, int divisor, int perRound);
}
