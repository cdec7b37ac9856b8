package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One human's attempt at one round, as booking recorded it: who (ticket, {@link PlayerId}, nickname), the queue as the
 * admission token told it ({@code qn}, {@code qat}, {@code adm}), the security letter (when solved, how many answers
 * it took), every seat attempt, the ticket's latest hold and the booking it made, if any.
 */
public record Attempt(
        RoundId round,
        String ticketId,
        PlayerId playerId,
        String nickname,
        long queueNumber,
        Instant enteredAt,
        Instant admittedAt,
        Optional<Instant> letterSolvedAt,
        int letterAnswers,
        List<SeatAttempt> seats,
        Optional<Instant> lastSeatAt,
        Optional<Instant> heldAt,
        Optional<Booked> booked) {

    public Attempt {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(nickname, "nickname");
        seats = List.copyOf(seats);
    }

    /** One seat the player asked for: when, which, how it went, and for a taken one who had it since when. */
    public record SeatAttempt(Instant at, String seatId, SeatResult result, Optional<Taker> taker) {}

    /** Who held a seat (a nickname, or a bot, whose nickname is never shown) and since when. */
    public record Taker(Optional<String> nickname, boolean bot, Instant since) {}

    /** The booking the player's hold became: accepted at {@code at}; {@code heldAt} is when that hold was made. */
    public record Booked(Instant at, String bookingId, String seatId, Instant heldAt) {}
}
