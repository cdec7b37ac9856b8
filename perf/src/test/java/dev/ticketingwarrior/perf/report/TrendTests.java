package dev.ticketingwarrior.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ticketingwarrior.perf.report.Trend.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTests {

    @Test
    void leastSquaresFindsTheSlopeThroughNoise() {
        List<Sample> samples =
                List.of(new Sample(1, 10.5), new Sample(2, 10.6), new Sample(3, 11.7), new Sample(4, 11.8));

        Trend trend = Trend.fit(samples).orElseThrow();

        assertThat(trend.slope()).isCloseTo(0.5, within(1e-9));
        assertThat(trend.at(2.5)).isCloseTo(11.15, within(1e-9));
    }

    @Test
    void noTrendFromOneRoundOrOneRoundTwice() {
        assertThat(Trend.fit(List.of(new Sample(1, 80)))).isEmpty();
        assertThat(Trend.fit(List.of(new Sample(1, 80), new Sample(1, 81)))).isEmpty();
        assertThat(Trend.withSlope(0.4, List.of(new Sample(1, 80)))).isEmpty();
    }

    @Test
    void aGivenSlopeRunsThroughTheCentroid() {
        Trend trend = Trend.withSlope(2, List.of(new Sample(1, 10), new Sample(3, 14)))
                .orElseThrow();

        assertThat(trend.at(2)).isCloseTo(12, within(1e-9));
        assertThat(trend.slope()).isEqualTo(2);
    }
}
