package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One human's attempt at one round, as booking recorded it: who (ticket, {@link PlayerId}, nickname), the queue as the
 * admission token told it ({@code qn}, {@code qat}, {@code adm}), the security letter (when solved, how many answers
 * it took), every seat attempt, the ticket's latest hold and the booking it made, if any. A player the round closed on
 * while it waited has no admission and {@link NotAdmitted} instead, read from admission's record of its ticket.
 */
public record Attempt(
        RoundId round,
        String ticketId,
        PlayerId playerId,
        String nickname,
        long queueNumber,
        Instant enteredAt,
        Optional<Instant> admittedAt,
        Optional<Instant> letterSolvedAt,
        int letterAnswers,
        List<SeatAttempt> seats,
        Optional<Instant> lastSeatAt,
        Optional<Instant> heldAt,
        Optional<Booked> booked,
        Optional<NotAdmitted> notAdmitted) {

    public Attempt {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(nickname, "nickname");
        seats = List.copyOf(seats);
        if (admittedAt.isPresent() == notAdmitted.isPresent()) {
            throw new IllegalArgumentException("an attempt is either admitted or not admitted");
        }
    }

    /**
     * The attempt of a human booking saw no call of, from admission's record: admitted ({@code admittedAt}: in the
     * last moments before the close, or gone before its letter) or not ({@code notAdmitted}), one of the two.
     */
    public static Attempt unseen(
            RoundId round,
            String ticketId,
            PlayerId playerId,
            String nickname,
            long queueNumber,
            Instant enteredAt,
            Optional<Instant> admittedAt,
            Optional<NotAdmitted> notAdmitted) {
        return new Attempt(
                round,
                ticketId,
                playerId,
                nickname,
                queueNumber,
                enteredAt,
                admittedAt,
                Optional.empty(),
                0,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                notAdmitted);
    }

    /** How the attempt ended when it has no booking: admitted without a seat, or never admitted. */
    public Outcome unbooked() {
        return notAdmitted.isPresent() ? Outcome.NOT_ADMITTED : Outcome.NO_SEAT;
    }

    /** One seat the player asked for: when, which, how it went, and for a taken one who had it since when. */
    public record SeatAttempt(Instant at, String seatId, SeatResult result, Optional<Taker> taker) {}

    /** Who held a seat (a nickname, or a bot, whose nickname is never shown) and since when. */
    public record Taker(Optional<String> nickname, boolean bot, Instant since) {}

    /**
     * What admission's record said when the round closed on the waiting player: its counter had admitted queue numbers
     * up to {@code served} by {@code closedAt}; the last admitted human entered {@code admittedWithinMs} after the open
     * ({@code null} when it could not be told), and {@code admittedHumans} humans were admitted.
     */
    public record NotAdmitted(Instant closedAt, long served, Long admittedWithinMs, long admittedHumans) {}

    /** The booking the player's hold became: accepted at {@code at}; {@code heldAt} is when that hold was made. */
    public record Booked(Instant at, BookingId bookingId, String seatId, Instant heldAt) {}
}
