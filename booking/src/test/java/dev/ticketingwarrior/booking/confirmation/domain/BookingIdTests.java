package dev.ticketingwarrior.booking.confirmation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.RoundId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
    void newIdsAreUniqueAndUseTheWholeAlphabetEvenly() {
        RoundId round = new RoundId("20261124T101500Z");
        Set<String> ids = new HashSet<>();
        Map<Character, Integer> seen = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String random = BookingId.next(round).value().substring(17);
            ids.add(random);
            random.chars().forEach(c -> seen.merge((char) c, 1, Integer::sum));
        }

        assertThat(ids).hasSize(5_000);
        // 110,000 characters: each of the 36 about 3,056 times (σ 55); a plain byte % 36, which favours four, ~3,440
        assertThat(seen)
                .hasSize(36)
                .allSatisfy((character, count) ->
                        assertThat(count).as("%s", character).isBetween(2_750, 3_360));
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
