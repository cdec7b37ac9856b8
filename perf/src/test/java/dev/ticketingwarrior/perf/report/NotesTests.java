package dev.ticketingwarrior.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotesTests {

    /** A check skipped in every round of a 24-round run is one line on the console and in the report, not 24. */
    @Test
    void notesThatDifferOnlyInTheirRoundAreOneLine() {
        List<String> skipped = List.of(
                "admission: no maxActive in round 20261207T062120Z (0, no cap), max-active not checked",
                "redis: 69 of the 69 rows of round 20261207T062120Z have no pending copy",
                "admission: no maxActive in round 20261207T062140Z (0, no cap), max-active not checked",
                "redis: 100 of the 100 rows of round 20261207T062140Z have no pending copy",
                "admission: no maxActive in round 20261207T062200Z (0, no cap), max-active not checked");

        assertThat(Notes.grouped(skipped))
                .containsExactly(
                        "admission: no maxActive in round 20261207T062120Z (0, no cap), max-active not checked (and"
                                + " the same in 2 more rounds, to round 20261207T062200Z)",
                        "redis: 69 of the 69 rows of round 20261207T062120Z have no pending copy",
                        "redis: 100 of the 100 rows of round 20261207T062140Z have no pending copy");
    }

    @Test
    void aNoteOfOneRoundIsAsItWas() {
        assertThat(Notes.grouped(List.of("drain: round 20261207T062120Z not drained after 60s")))
                .containsExactly("drain: round 20261207T062120Z not drained after 60s");
        assertThat(Notes.grouped(List.of())).isEmpty();
    }
}
