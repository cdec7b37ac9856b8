package dev.ticketingwarrior.edge;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The round timing every service shares: a round that never opens, or opens past its period, stops start-up. */
class RoundPropertiesTests {

    @Test
    void takesAnOpenWindowWithinItsPeriod() {
        assertThatCode(() -> new RoundProperties(Duration.ofSeconds(60), Duration.ofSeconds(15)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new RoundProperties(Duration.ofSeconds(20), Duration.ofSeconds(20)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesARoundThatNeverOpensOrOutlastsItsPeriod() {
        for (Duration[] refused : new Duration[][] {
            {Duration.ofSeconds(60), Duration.ZERO},
            {Duration.ofSeconds(60), Duration.ofSeconds(-1)},
            {Duration.ZERO, Duration.ZERO},
            {Duration.ofSeconds(10), Duration.ofSeconds(15)}
        }) {
            assertThatThrownBy(() -> new RoundProperties(refused[0], refused[1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ticketing.round: a positive open-for must lie within a positive period");
        }
    }
}
