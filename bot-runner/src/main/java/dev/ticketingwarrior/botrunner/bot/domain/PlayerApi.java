package dev.ticketingwarrior.botrunner.bot.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The public player API as a bot uses it (SPEC §4, §5). Outcomes a bot reacts to are values; anything else (a 5xx,
 * a timeout, a refused key) is an error, and {@link RoundOverException} when the server says the round is over.
 */
public interface PlayerApi {

    /**
     * Gets {@code players} players ready by {@code by} (the open), as their browsers have the page loaded by then:
     * whatever the transport needs per player (the HTTP adapter opens their connections to the waiting room) is set up
     * now rather than in the open's burst. Best effort: completes when done, and a failure only means the bots set up
     * later.
     */
    Mono<Void> prepare(int players, Instant by);

    /**
     * Enters the current round's waiting room as a bot. {@code sent} is told once when the first attempt's request
     * went out (after any wait for a connection), whatever its answer, so a bot's launch lag can be measured up to
     * its first request on the wire.
     */
    Mono<Entry> enter(String nickname, Consumer<Instant> sent);

    /** Waits in the queue until the ticket is admitted or the round closes, giving up at {@code deadline}. */
    Mono<Admission> awaitAdmission(String ticketId, Instant deadline);

    Mono<SeatMap> seats(RoundId round, String token);

    Mono<HoldResult> hold(RoundId round, String token, String seatId);

    /** Releases a hold; the seat goes back on sale. */
    Mono<Void> release(String token, String holdId);

    Mono<BookResult> book(String token, String holdId, String idempotencyKey);

    /** A ticket in the waiting room. */
    record Entry(String ticketId, RoundId round) {}

    /** How the wait in the queue ended. */
    sealed interface Admission {
        record Admitted(String token) implements Admission {}

        record Closed() implements Admission {}
    }

    /** How an attempt to hold a seat ended. */
    sealed interface HoldResult {
        record Held(String holdId, String seatId) implements HoldResult {}

        /** Someone else holds or bought it, or it does not exist (any more). */
        record Taken(String seatId) implements HoldResult {}
    }

    /** How an attempt to book a held seat ended. */
    sealed interface BookResult {
        record Booked(String bookingId, String seatId) implements BookResult {}

        /** The hold was lost (expired, or the seat was sold meanwhile). */
        record HoldLost() implements BookResult {}
    }
}
