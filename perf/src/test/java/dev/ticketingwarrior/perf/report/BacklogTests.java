package dev.ticketingwarrior.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.perf.report.Backlog.Peak;
import dev.ticketingwarrior.perf.report.Backlog.Second;
import dev.ticketingwarrior.perf.report.Summary.Round;
import dev.ticketingwarrior.perf.report.Summary.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacklogTests {

    private static final Instant OPEN = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void countsEachBookingFromItsBookingToItsRow() {
        Backlog backlog = Backlog.of(List.of(round(
                OPEN,
                new Settlement(100, 400), // 02:00:00.1 → .4
                new Settlement(300, 2_500), // 02:00:00.3 → 02:00:02.5
                new Settlement(1_200, 1_300)))); // 02:00:01.2 → .3

        assertThat(backlog.seconds())
                .containsExactly(
                        new Second(OPEN, 2), // both first ones at .3
                        new Second(OPEN.plusSeconds(1), 2), // the second one, and the third for 100 ms
                        new Second(OPEN.plusSeconds(2), 1),
                        new Second(OPEN.plusSeconds(3), 0));
        assertThat(backlog.peak()).contains(new Peak(2, OPEN.plusMillis(300)));
        assertThat(backlog.lastSettled()).contains(OPEN.plusMillis(2_500));
    }

    @Test
    void aBookingSettledAsAnotherIsMadeIsNotTwoAtOnce() {
        Backlog backlog = Backlog.of(List.of(round(OPEN, new Settlement(0, 500), new Settlement(500, 900))));

        assertThat(backlog.peak()).contains(new Peak(1, OPEN));
    }

    @Test
    void roundsAddUpOnOneTimeline() {
        // round 2's booking is made while round 1's still waits: a stall spans rounds
        Backlog backlog = Backlog.of(List.of(
                round(OPEN, new Settlement(1_000, 70_000)),
                round(OPEN.plusSeconds(60), new Settlement(1_000, 10_000))));

        assertThat(backlog.peak()).contains(new Peak(2, OPEN.plusSeconds(61)));
        assertThat(backlog.seconds()).hasSize(71);
        assertThat(backlog.seconds().getFirst()).isEqualTo(new Second(OPEN.plusSeconds(1), 1));
        assertThat(backlog.seconds().get(59)).isEqualTo(new Second(OPEN.plusSeconds(60), 1));
        assertThat(backlog.seconds().get(60)).isEqualTo(new Second(OPEN.plusSeconds(61), 2));
        assertThat(backlog.seconds().getLast()).isEqualTo(new Second(OPEN.plusSeconds(71), 0));
    }

    @Test
    void aDrillHeldWhatWasMadeWhileItRan() {
        Instant from = OPEN.plusSeconds(3);
        Instant to = OPEN.plusSeconds(33);
        List<Round> rounds = List.of(
                round(
                        OPEN,
                        new Settlement(2_900, 40_000), // made before the drill: not its
                        new Settlement(3_000, 3_100), // made and written while it ran
                        new Settlement(4_000, 35_000), // 2 s after its end
                        new Settlement(5_000, 37_000)), // 4 s after
                round(
                        OPEN.plusSeconds(20),
                        new Settlement(12_000, 21_000), // 8 s after its end
                        new Settlement(13_000, 20_000))); // made as it ended: not its

        assertThat(Backlog.heldBy(rounds, from, to))
                .isEqualTo(new Backlog.Held(4, 3, Duration.ofSeconds(4), Duration.ofSeconds(8)));
        assertThat(Backlog.heldBy(rounds.subList(0, 1), from, to))
                .isEqualTo(new Backlog.Held(3, 2, Duration.ofSeconds(2), Duration.ofSeconds(4)));
        assertThat(Backlog.heldBy(rounds, OPEN.plusSeconds(60), OPEN.plusSeconds(90)))
                .isEqualTo(new Backlog.Held(0, 0, Duration.ZERO, Duration.ZERO));
        assertThat(Backlog.heldBy(rounds, OPEN.plusSeconds(60), OPEN.plusSeconds(90))
                        .sentence())
                .as("said, not left out")
                .isEqualTo("no booking written to MySQL was accepted while it ran");
    }

    @Test
    void nothingSettledNoBacklog() {
        Backlog backlog = Backlog.of(List.of(round(OPEN), round(null, new Settlement(0, 10))));

        assertThat(backlog.seconds()).isEmpty();
        assertThat(backlog.peak()).isEmpty();
        assertThat(backlog.lastSettled()).isEmpty();
    }

    private static Round round(Instant opensAt, Settlement... settled) {
        return new Round(
                1,
                false,
                "r",
                opensAt == null ? null : opensAt.toString(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(settled),
                List.of());
    }
}
