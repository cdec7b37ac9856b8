package dev.ticketingwarrior.booking.confirmation.sqs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQS payload of an accepted booking (queue {@code booking-confirmations}): what the outbox sends and the listener
 * reads, known to this package only. Its JSON is the {@link AcceptedBooking} flattened, ids as text; the domain never
 * sees it, and Redis keeps its own copy of the booking (the sale's {@code PendingCopy}).
 *
 * <p>{@code playerId} is written only when the booking has one, and a message without it (a bot's,
 * a human's without its device secret, or one sent before the field existed and still in flight during a deploy) is
 * a booking of no known player; an id that is not the shape of one is dropped the same way, never the booking.
 */
public record BookingConfirmationMessage(
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

    /**
     * How the listener reads this JSON: a field it does not know, from a newer version during a deploy, is no reason to
     * refuse it.
     */
    public static ObjectReader reader(JsonMapper json) {
        return json.readerFor(BookingConfirmationMessage.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static BookingConfirmationMessage of(AcceptedBooking booking) {
        return new BookingConfirmationMessage(
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

    /**
     * The booking, if every field a row needs is present and fits its column, and the booking id is one of the
     * message's round (a poison message is not: written, it would fail its whole batch on every try and hold the good
     * bookings beside it; and a booking is found, ranked and kept by its id's round).
     */
    public Optional<AcceptedBooking> booking() {
        if (!isComplete() || !fitsTheRow()) {
            return Optional.empty();
        }
        return BookingId.parse(bookingId)
                .filter(id -> id.round().value().equals(roundId))
                .map(id -> new AcceptedBooking(
                        id,
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

    private boolean isComplete() {
        return bookingId != null
                && roundId != null
                && seatId != null
                && ticketId != null
                && nickname != null
                && roundOpenedAt != null
                && enteredAt != null
                && admittedAt != null
                && heldAt != null
                && bookedAt != null;
    }

    /**
     * The widths, in characters, of the columns of {@code bookings} and {@code rejected_bookings} that hold the text
     * fields (V1__bookings.sql; {@code BookingMigrationIT} holds them to the schema).
     */
    public static final Map<String, Integer> COLUMN_WIDTHS =
            Map.of("booking_id", 64, "seat_id", 16, "ticket_id", 64, "nickname", 40);

    private boolean fitsTheRow() {
        return fits(bookingId, "booking_id")
                && fits(seatId, "seat_id")
                && fits(ticketId, "ticket_id")
                && fits(nickname, "nickname");
    }

    private static boolean fits(String value, String column) {
        return value.codePointCount(0, value.length()) <= COLUMN_WIDTHS.get(column);
    }
}
