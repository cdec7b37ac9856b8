package dev.ticketingwarrior.booking.sale.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PendingBookingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");

    private final AcceptedBooking booking = new AcceptedBooking(
            BookingId.next(new RoundId("20261124T101500Z")),
            "B-2",
            "t-2",
            "nick",
            true,
            3,
            OPEN,
            OPEN.plusMillis(10),
            OPEN.plusMillis(20),
            OPEN.plusMillis(30),
            OPEN.plusMillis(40));

    @Test
    void keepsTheFieldsCopiesWrittenBeforeHad() {
        String body = JSON.writeValueAsString(PendingBooking.of(booking));
        List<String> fields = new ArrayList<>(JSON.readTree(body).propertyNames());
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
        assertThat(JSON.readValue(body, PendingBooking.class).booking()).isEqualTo(booking);
    }
}
