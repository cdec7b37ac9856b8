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
    void newTicketsParseBackAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            TicketId id = TicketId.newTicket(ROUND);
            assertThat(TicketId.parse(id.value())).hasValue(id);
            assertThat(seen.add(id.value())).isTrue();
        }
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
