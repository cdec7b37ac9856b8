package dev.ticketingwarrior.booking.confirmation.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BookingConfirmationMessageTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");

    private final AcceptedBooking booking = new AcceptedBooking(
            BookingId.next(new RoundId("20261124T101500Z")),
            "A-1",
            "t-1",
            "nick",
            false,
            7,
            OPEN,
            OPEN.plusMillis(100),
            OPEN.plusMillis(200),
            OPEN.plusMillis(300),
            OPEN.plusMillis(400));

    @Test
    void carriesTheBookingFlatUnderTheFieldNamesOfTheQueue() {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(BookingConfirmationMessage.of(booking)));
        List<String> fields = new ArrayList<>(json.propertyNames());
        assertThat(fields)
                .containsExactly(
                        "bookingId",
                        "roundId",
                        "seatId",
                        "ticketId",
                        "nickname",
                        "bot",
                        "fencingToken",
                        "roundOpenedAt",
                        "enteredAt",
                        "admittedAt",
                        "heldAt",
                        "bookedAt");
        assertThat(json.path("bookingId").asString()).isEqualTo(booking.id().value());
        assertThat(json.path("roundId").asString()).isEqualTo("20261124T101500Z");
    }

    @Test
    void readsBackTheSameBooking() {
        String body = JSON.writeValueAsString(BookingConfirmationMessage.of(booking));
        assertThat(JSON.readValue(body, BookingConfirmationMessage.class).booking())
                .contains(booking);
    }

    @Test
    void aMessageMissingAFieldOrARoundIsNoBooking() {
        BookingConfirmationMessage message = BookingConfirmationMessage.of(booking);
        assertThat(withRound(message, null).booking()).isEmpty();
        assertThat(withRound(message, "not-a-round-id!!").booking()).isEmpty();
    }

    private static BookingConfirmationMessage withRound(BookingConfirmationMessage m, String roundId) {
        return new BookingConfirmationMessage(
                m.bookingId(),
                roundId,
                m.seatId(),
                m.ticketId(),
                m.nickname(),
                m.bot(),
                m.fencingToken(),
                m.roundOpenedAt(),
                m.enteredAt(),
                m.admittedAt(),
                m.heldAt(),
                m.bookedAt());
    }
}
