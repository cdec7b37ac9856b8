package dev.ticketingwarrior.booking.sale.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * An accepted booking as Redis keeps it until MySQL has its row and a while after ({@link RoundKeys#pendingBooking}):
 * what a lookup answers PENDING from. The {@link AcceptedBooking} flattened, ids as text, instants as ISO-8601, the
 * player only when known; its field names are those the confirmation message has too, so a copy written by an
 * instance of the previous version (which kept the message itself) reads the same during a deploy.
 */
record PendingCopy(
        String bookingId,
        String roundId,
        String seatId,
        String ticketId,
        String nickname,
        boolean bot,
        long fencingToken,
        Instant roundOpenedAt,
        Instant enteredAt,
        Instant admittedAt,
        Instant heldAt,
        Instant bookedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String playerId) {

    /** Read leniently: a field a newer version wrote (during a deploy) is no reason to fail a lookup. */
    static ObjectReader reader(JsonMapper json) {
        return json.readerFor(PendingCopy.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static PendingCopy of(AcceptedBooking booking) {
        return new PendingCopy(
                booking.id().value(),
                booking.round().value(),
                booking.seatId(),
                booking.ticketId(),
                booking.nickname(),
                booking.bot(),
                booking.fencingToken(),
                booking.roundOpenedAt(),
                booking.enteredAt(),
                booking.admittedAt(),
                booking.heldAt(),
                booking.bookedAt(),
                booking.playerId().map(PlayerId::value).orElse(null));
    }

    /** The booking, unless a field it needs is missing or the round id is none (a copy no instance of ours wrote). */
    Optional<AcceptedBooking> booking() {
        boolean complete = Stream.of(
                        bookingId,
                        roundId,
                        seatId,
                        ticketId,
                        nickname,
                        roundOpenedAt,
                        enteredAt,
                        admittedAt,
                        heldAt,
                        bookedAt)
                .allMatch(field -> field != null);
        if (!complete) {
            return Optional.empty();
        }
        return RoundId.parse(roundId)
                .map(round -> new AcceptedBooking(
                        new BookingId(round, bookingId),
                        seatId,
                        ticketId,
                        nickname,
                        bot,
                        fencingToken,
                        roundOpenedAt,
                        enteredAt,
                        admittedAt,
                        heldAt,
                        bookedAt,
                        PlayerId.parse(playerId)));
    }
}
