package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlopeTests {

    @Test
    void isTheGrowthPerRoundOfAStraightLine() {
        assertThat(Slope.leastSquares(List.of(100.0, 102.5, 105.0, 107.5))).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void fitsNoisyPointsByLeastSquares() {
        // x = 0..3, y = 1, 3, 2, 5: slope = Σ(x−1.5)(y−2.75) / Σ(x−1.5)² = 5.5 / 5
        assertThat(Slope.leastSquares(List.of(1.0, 3.0, 2.0, 5.0))).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void isFlatForAFlatHeap() {
        assertThat(Slope.leastSquares(List.of(80.0, 80.0, 80.0))).isZero();
    }

    @Test
    void isZeroWithFewerThanTwoPoints() {
        assertThat(Slope.leastSquares(List.of())).isZero();
        assertThat(Slope.leastSquares(List.of(42.0))).isZero();
    }

    @Test
    void skipsRoundsNotMeasuredButKeepsTheOthersInPlace() {
        assertThat(Slope.leastSquares(Arrays.asList(10.0, Double.NaN, null, 16.0)))
                .isCloseTo(2.0, within(1e-9));
        assertThat(Slope.leastSquares(Arrays.asList(Double.NaN, 5.0))).isZero();
    }

    @Test
    void aSeriesBeginsAtItsServicesLastStart() {
        assertThat(Slope.lastStart(List.of(7L, 7L, 7L)))
                .as("one process throughout")
                .isZero();
        assertThat(Slope.lastStart(Arrays.asList(41L, null, 42L, 42L, 43L)))
                .as("the last of two restarts; a round not read is no restart")
                .isEqualTo(4);
        assertThat(Slope.lastStart(Arrays.asList(null, 41L, null, 41L))).isZero();
        assertThat(Slope.lastStart(List.of())).isZero();
        assertThat(Slope.trendFrom(List.of(7L, 7L))).isZero();
        assertThat(Slope.trendFrom(Arrays.asList(41L, 42L, 42L)))
                .as("after the restart's round: the fresh JVM's warm-up")
                .isEqualTo(2);
        assertThat(Slope.trendFrom(Arrays.asList(null, null, 43L, 43L, 43L)))
                .as("an instance scaled out in round 2: after its first reading, its warm-up")
                .isEqualTo(3);
    }
}
