package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A round's waiting room and its serving counter. Every operation advances the counter to {@code now} first (atomic,
 * so any number of instances never double-count), using the round's own settings, seeded from {@code seed} the first
 * time the round is touched.
 */
public interface WaitingRoom {

    /**
     * Enters {@code nickname}, in one atomic step that numbers the ticket and seals its id with the round's {@link
     * RoundSeal} ({@code sealCandidate} becomes the round's secret if it has none yet), after counting the entry
     * against {@code client}'s {@code limit} (none for a bot): past it the entry is {@link Entry.Limited} and nothing
     * else happens. A nickname that already holds a ticket in this round is resumed only when {@code claim} names that
     * very ticket or carries the entry key the ticket was made with; otherwise it is {@link Entry.Taken}, and nothing
     * of the owner's ticket is read out. A new ticket keeps the claim's entry key for that.
     */
    Mono<Entry> enter(
            Round round,
            Nickname nickname,
            Claim claim,
            boolean bot,
            String client,
            Optional<EntryLimit> limit,
            String sealCandidate,
            Instant now,
            AdmissionSettings seed);

    /** A ticket and the counter; empty when the round never issued this ticket. */
    Mono<Standing> standing(Round round, TicketId ticketId, Instant now, AdmissionSettings seed);

    /** Advances the counter; empty when nobody has entered the round. */
    Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed);

    /** Keeps the first token issued for a ticket and answers with the kept one, so every poll sees the same token. */
    Mono<String> keepToken(Round round, TicketId ticketId, String token);

    /**
     * Closes the period run at the round's current settings at {@code now} and switches the round to {@code updated};
     * returns how many players that closing advance admitted (0 for a round nobody entered: it is only seeded).
     */
    Mono<Long> applySettings(Round round, Instant now, AdmissionSettings seed, AdmissionSettings updated);

    /** Counts of a round, after an advance whose admissions are {@link RoundStats#newlyAdmitted()}; empty when nobody entered it. */
    Mono<RoundStats> stats(Round round, Instant now, AdmissionSettings seed);

    /** The outcome of an entry. */
    sealed interface Entry {

        /** The nickname's ticket: new ({@code created}), or the owner's own ticket resumed. */
        record Placed(Ticket ticket, boolean created, ServingState state, Optional<Instant> admittedAt)
                implements Entry {}

        /** The nickname holds another ticket in this round than the one claimed. */
        record Taken() implements Entry {}

        /** The client is over its entry limit; its window ends after {@code retryAfter}. */
        record Limited(Duration retryAfter) implements Entry {}
    }

    /**
     * The counter right after an advance, with what it keeps between advances ({@code accumulated}: the rate
     * integrated since the open, up to {@code integratedUntil}) so an instance can tell the count at a later instant,
     * and the round's seal (empty before the first entry stored one).
     */
    record Advance(ServingState state, double accumulated, Instant integratedUntil, Optional<RoundSeal> seal) {}

    /** A ticket with the counter, its admission instant and kept token if any. */
    record Standing(Ticket ticket, ServingState state, Optional<Instant> admittedAt, Optional<String> token) {}
}
