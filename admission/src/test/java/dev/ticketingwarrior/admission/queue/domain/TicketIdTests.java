package dev.ticketingwarrior.admission.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.RoundId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketIdTests {

    private static final RoundId ROUND = new RoundId("20261124T101500Z");

    @Test
    void sealedTicketsParseBackWithTheirQueueNumber() {
        RoundSeal seal = new RoundSeal(RoundSeal.candidate());
        Set<String> seen = new HashSet<>();
        for (long number = 1; number <= 1_000; number++) {
            TicketId id = new TicketId(ROUND, ROUND.value() + "-" + number + "-" + seal.seal(ROUND.value(), number));
            assertThat(TicketId.parse(id.value())).hasValue(id);
            assertThat(id.queueNumber()).isEqualTo(number);
            assertThat(seal.seals(id)).isTrue();
            assertThat(seen.add(id.value())).isTrue();
        }
        assertThat(TicketId.parse(ROUND.value() + "-9999999999-" + "a".repeat(24))
                        .map(TicketId::queueNumber))
                .hasValue(9_999_999_999L);
    }

    @Test
    void aSealHoldsOnlyForItsRoundItsNumberAndItsSecret() {
        RoundSeal seal = new RoundSeal("0123456789abcdef0123456789abcdef");
        // SHA-1("0123456789abcdef0123456789abcdef|20261124T101500Z|7"), as enter.lua computes it with redis.sha1hex
        String seven = seal.seal(ROUND.value(), 7);
        assertThat(seven).hasSize(24).matches("[0-9a-f]{24}");
        assertThat(seal.seals(new TicketId(ROUND, ROUND.value() + "-7-" + seven)))
                .isTrue();
        assertThat(seal.seals(new TicketId(ROUND, ROUND.value() + "-8-" + seven)))
                .isFalse();
        RoundId other = new RoundId("20261124T101600Z");
        assertThat(seal.seals(new TicketId(other, other.value() + "-7-" + seven)))
                .isFalse();
        assertThat(new RoundSeal(RoundSeal.candidate()).seals(new TicketId(ROUND, ROUND.value() + "-7-" + seven)))
                .isFalse();
        assertThat(seal.toString()).doesNotContain("0123456789abcdef");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "nope",
                "20261124T101500Z",
                "20261124T101500Z-",
                "20261124T101500Z-AAAAAAAAAAAAAAAAAAAAA",
                "20261124T101500Z-AAAAAAAAAAAAAAAAAAAAAAA",
                "20261124T101500Z-AAAAAAAAAAAAAAAAAAAA/.",
                "20261399T101500Z-AAAAAAAAAAAAAAAAAAAAAA",
                "../../../../etc/passwd",
                "20261124T101500Z-가AAAAAAAAAAAAAAAAAAAAA"
            })
    void refusesAnythingOfAnotherShape(String text) {
        assertThat(TicketId.parse(text)).isEmpty();
    }
}
