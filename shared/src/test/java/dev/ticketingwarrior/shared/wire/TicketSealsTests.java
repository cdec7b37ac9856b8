package dev.ticketingwarrior.shared.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketSealsTests {

    private static final RoundId ROUND = new RoundId("20261124T101500Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aSealHoldsOnlyForItsRoundItsNumberAndItsSecret() {
        String seven = TicketSeals.seal(SECRET, ROUND.value(), 7);

        assertThat(seven).matches("[0-9a-f]{24}");
        assertThat(TicketSeals.seals(SECRET, ROUND.value() + "-7-" + seven)).isTrue();
        assertThat(TicketSeals.seals(SECRET, ROUND.value() + "-8-" + seven)).isFalse();
        assertThat(TicketSeals.seals(SECRET, "20261124T101600Z-7-" + seven)).isFalse();
        assertThat(TicketSeals.seals("f".repeat(32), ROUND.value() + "-7-" + seven))
                .isFalse();
        assertThat(TicketSeals.seals(SECRET, ROUND.value() + "-7-" + seven + "0"))
                .isFalse();
        assertThat(TicketSeals.seals(null, ROUND.value() + "-7-" + seven)).isFalse();
    }

    @Test
    void theQueueNumberIsReadOnlyFromAnIdOfTheRound() {
        assertThat(TicketSeals.queueNumber(ROUND, ROUND.value() + "-42-" + "a".repeat(24)))
                .hasValue(42);
        assertThat(TicketSeals.queueNumber(ROUND, "20261124T101600Z-42-" + "a".repeat(24)))
                .isEmpty();
        assertThat(TicketSeals.queueNumber(ROUND, ROUND.value() + "-042-" + "a".repeat(24)))
                .isEmpty();
        assertThat(TicketSeals.queueNumber(ROUND, "t-42")).isEmpty();
    }

    @Test
    void aWaitingTicketReadsBackWhatTheEntryScriptWrites() {
        WaitingTicket ticket = WaitingTicket.parse(12, "1764756900123|0|김-kim|x");

        assertThat(ticket).isEqualTo(new WaitingTicket(12, Instant.ofEpochMilli(1764756900123L), false, "김-kim|x"));
        assertThat(ticket.stored()).isEqualTo("1764756900123|0|김-kim|x");
        assertThat(WaitingTicket.parse(3, "5|1|bot-3").bot()).isTrue();
    }
}
