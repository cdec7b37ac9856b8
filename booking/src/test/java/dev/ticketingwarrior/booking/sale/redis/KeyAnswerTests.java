package dev.ticketingwarrior.booking.sale.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.sale.domain.Sales;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key's answer as the scripts keep it in Redis, read back: the booking it names must be the round's. */
class KeyAnswerTests {

    private static final RoundId ROUND = RoundId.parse("20261124T101500Z").orElseThrow();
    private static final RoundId OTHER = RoundId.parse("20261124T101600Z").orElseThrow();

    @Test
    void readsAnAnswerThatNamesABookingOfItsRound() {
        BookingId booking = BookingId.next(ROUND);

        Sales.Answered answered = RedisSales.answered(ROUND, answer(booking.value()));

        assertThat(answered)
                .isEqualTo(new Sales.Answered("holdId=h", true, Sales.Outcome.IN_DOUBT, Optional.of(booking), "C-3"));
    }

    @Test
    void aBookingIdOfAnotherRoundOrOfNoShapeNamesNoBooking() {
        assertThat(RedisSales.answered(ROUND, answer(BookingId.next(OTHER).value()))
                        .bookingId())
                .isEmpty();
        assertThat(RedisSales.answered(ROUND, answer("not-a-booking")).bookingId())
                .isEmpty();
        assertThat(RedisSales.answered(ROUND, Map.of("fingerprint", "holdId=h", "done", "0")))
                .as("in progress: no outcome, no booking yet")
                .isEqualTo(new Sales.Answered("holdId=h", false, null, Optional.empty(), null));
    }

    private static Map<String, String> answer(String booking) {
        return Map.of("fingerprint", "holdId=h", "done", "1", "outcome", "IN_DOUBT", "booking", booking, "seat", "C-3");
    }
}
