package dev.ticketingwarrior.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleTests {

    @Test
    void oneRoundGetsAWholeRoundOfRoomAndOneTick() {
        Scale.Linear x = Scale.Linear.rounds(1, 1);

        assertThat(x.ticks()).containsExactly(1.0);
        assertThat(x.fraction(1)).isEqualTo(0.5);
    }

    @Test
    void thirtyRoundsAreLabelledEverySecondRound() {
        assertThat(Scale.Linear.rounds(1, 30).ticks())
                .hasSize(15)
                .startsWith(2.0)
                .endsWith(30.0);
    }

    @Test
    void allZeroesStillSpanAnAxisFromZero() {
        Scale.Linear y = Scale.Linear.around(0, 0, true, 6);

        assertThat(y.lo()).isZero();
        assertThat(y.hi()).isPositive();
        assertThat(y.fraction(0)).isZero();
    }

    @Test
    void aTightAxisNeverGoesBelowZeroForPositiveValues() {
        Scale.Linear y = Scale.Linear.around(0.5, 120, false, 6);

        assertThat(y.lo()).isGreaterThanOrEqualTo(0);
        assertThat(y.hi()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void logTicksFallOnOneTwoFiveWithinTheData() {
        Scale.Log y = Scale.Log.around(10, 2400);

        assertThat(y.ticks()).containsExactly(10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0);
        assertThat(y.fraction(0)).isZero();
        assertThat(y.label(1000)).isEqualTo("1,000");
        assertThat(Scale.Log.around(0.2, 40).label(0.5)).isEqualTo("0.5");
    }

    @Test
    void linearTicksAreRoundNumbers() {
        Scale.Linear y = Scale.Linear.around(0, 230, true, 6);

        assertThat(y.ticks()).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0, 250.0);
        assertThat(y.fraction(125)).isCloseTo(0.5, within(1e-9));
    }
}
