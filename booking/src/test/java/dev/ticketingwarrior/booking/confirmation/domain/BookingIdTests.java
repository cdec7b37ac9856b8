package dev.ticketingwarrior.booking.confirmation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.RoundId;
import org.junit.jupiter.api.Test;

class BookingIdTests {

    @Test
    void aBookingIdCarriesItsRound() {
        RoundId round = new RoundId("20261124T101500Z");
        BookingId id = BookingId.next(round);
        assertThat(id.value()).startsWith("20261124T101500Z-").hasSize(39);
        assertThat(BookingId.parse(id.value())).contains(id);
    }

    @Test
    void garbageIsNotABookingId() {
        assertThat(BookingId.parse(null)).isEmpty();
        assertThat(BookingId.parse("nope")).isEmpty();
        assertThat(BookingId.parse("20261124T101500Z-AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(BookingId.parse("20261324T101500Z-aaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(BookingId.parse("20261124T101500Z+aaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
    }
}
