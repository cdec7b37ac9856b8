package dev.ticketingwarrior.perf.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.perf.journey.Arrivals.Gap;
import dev.ticketingwarrior.perf.journey.Arrivals.Ramp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArrivalsTests {

    private static final Instant OPEN = Instant.parse("2026-12-05T12:00:20Z");
    private static final Instant NOW = OPEN.minusSeconds(5);

    private static JourneySettings twoRoundsOf(int players, ArrivalPattern arrivals) {
        return new JourneySettings(
                "http://a",
                "http://b",
                2,
                0,
                players,
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                Optional.of(OPEN),
                0.8,
                Optional.empty(),
                6,
                5,
                Duration.ofSeconds(60),
                1.0,
                arrivals);
    }

    @Test
    void bringsMostPlayersInTheFirstSecondOfEachRound() {
        assertThat(Arrivals.plan(twoRoundsOf(300, ArrivalPattern.OPEN), NOW, OPEN))
                .containsExactly(
                        new Gap(Duration.ofMillis(5_020)),
                        new Ramp(180, Duration.ofSeconds(1)),
                        new Ramp(90, Duration.ofSeconds(3)),
                        new Ramp(30, Duration.ofSeconds(6)),
                        new Gap(Duration.ofSeconds(10)),
                        new Ramp(180, Duration.ofSeconds(1)),
                        new Ramp(90, Duration.ofSeconds(3)),
                        new Ramp(30, Duration.ofSeconds(6)));
    }

    @Test
    void spreadsPlayersEvenlyUntilASecondBeforeTheClose() {
        assertThat(Arrivals.plan(twoRoundsOf(300, ArrivalPattern.SPREAD), NOW, OPEN))
                .containsExactly(
                        new Gap(Duration.ofMillis(5_020)),
                        new Ramp(300, Duration.ofSeconds(14)),
                        new Gap(Duration.ofSeconds(6)),
                        new Ramp(300, Duration.ofSeconds(14)));
    }
}
