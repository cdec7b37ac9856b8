package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RoundVerdictTests {

    /** None found without MySQL's bookings proves nothing; one found from what the journeys were told is an oversell. */
    @Test
    void anOversellFoundIsKnownEvenWhenMysqlWasNotRead() {
        assertThat(RoundVerdict.known(2, false)).isEqualTo(OptionalInt.of(2));
        assertThat(RoundVerdict.known(0, false)).isEmpty();
        assertThat(RoundVerdict.known(0, true)).isEqualTo(OptionalInt.of(0));
    }
}
