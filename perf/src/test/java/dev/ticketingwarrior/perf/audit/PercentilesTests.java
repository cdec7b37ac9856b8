package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void takesTheNearestRank() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

        assertThat(Percentiles.of(oneToHundred)).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
    }

    @Test
    void isAllZeroWithoutValues() {
        assertThat(Percentiles.of(List.of())).isEqualTo(Percentiles.NONE);
    }

    @Test
    void isTheValueItselfForOne() {
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
    }
}
