package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** A waiting room for unit tests: every call fails until a test's subclass answers the ones it is about. */
public abstract class UnansweredWaitingRoom implements WaitingRoom {

    @Override
    public Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Standing> standing(Round round, TicketId ticketId, Instant now, AdmissionSettings seed) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Entry> enter(
            Round round,
            Nickname nickname,
            Claim claim,
            boolean bot,
            String client,
            Optional<EntryLimit> limit,
            String sealCandidate,
            Instant now,
            AdmissionSettings seed) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<String> keepToken(Round round, TicketId ticketId, String token) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<Long> applySettings(Round round, Instant now, AdmissionSettings seed, AdmissionSettings updated) {
        return Mono.error(new UnsupportedOperationException());
    }

    @Override
    public Mono<RoundStats> stats(Round round, Instant now, AdmissionSettings seed) {
        return Mono.error(new UnsupportedOperationException());
    }
}
