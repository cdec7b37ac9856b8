package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.perf.journey.Journal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepStatsTests {

    @Test
    void takesNearestRankPercentilesAndCountsErrorsPerStep() {
        List<Journal.Sample> samples = new ArrayList<>();
        for (int millis = 1; millis <= 100; millis++) {
            samples.add(new Journal.Sample("hold", millis, millis % 10 != 0));
        }
        samples.add(new Journal.Sample("entry", 7, true));

        var stats = StepStats.of(samples);

        assertThat(stats.keySet()).containsExactly("entry", "hold");
        StepStats hold = stats.get("hold");
        assertThat(hold.count()).isEqualTo(100);
        assertThat(hold.errors()).isEqualTo(10);
        assertThat(hold.p50()).isEqualTo(50);
        assertThat(hold.p95()).isEqualTo(95);
        assertThat(hold.p99()).isEqualTo(99);
        assertThat(hold.max()).isEqualTo(100);
    }

    @Test
    void leavesOutLatenciesOfRequestsThatGotNoAnswer() {
        var stats = StepStats.of(List.of(new Journal.Sample("book", -1, false), new Journal.Sample("book", 40, true)));

        assertThat(stats.get("book").count()).isEqualTo(2);
        assertThat(stats.get("book").errors()).isEqualTo(1);
        assertThat(stats.get("book").p99()).isEqualTo(40);
    }
}
