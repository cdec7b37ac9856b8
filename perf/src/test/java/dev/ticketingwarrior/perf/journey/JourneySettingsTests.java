package dev.ticketingwarrior.perf.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneySettingsTests {

    private static JourneySettings settings(Optional<Instant> firstOpen) {
        return new JourneySettings(
                "http://a",
                "http://b",
                3,
                1,
                100,
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                firstOpen,
                0.8,
                Optional.empty(),
                6,
                5,
                Duration.ofSeconds(60),
                1.0,
                ArrivalPattern.OPEN);
    }

    @Test
    void playsTheNextRoundThatOpensAfterTheLead() {
        Instant now = Instant.parse("2026-12-03T06:00:13Z");

        Instant open = settings(Optional.empty()).firstOpenAfter(now, Duration.ofSeconds(2));

        assertThat(open).isEqualTo(Instant.parse("2026-12-03T06:00:20Z"));
    }

    @Test
    void skipsARoundThatOpensTooSoonToReach() {
        Instant now = Instant.parse("2026-12-03T06:00:19Z");

        Instant open = settings(Optional.empty()).firstOpenAfter(now, Duration.ofSeconds(2));

        assertThat(open).isEqualTo(Instant.parse("2026-12-03T06:00:40Z"));
    }

    @Test
    void changesOnlyTheNumberOfRounds() {
        JourneySettings one = settings(Optional.empty()).withRounds(1);

        assertThat(one.rounds()).isEqualTo(1);
        assertThat(one.warmUpRounds()).isEqualTo(1);
        assertThat(one).isEqualTo(settings(Optional.empty()).withRounds(3).withRounds(1));
        assertThat(one.playersPerRound()).isEqualTo(100);
    }

    @Test
    void judgesRequestsFromTheOpenAfterTheWarmUp() {
        Instant firstOpen = Instant.parse("2026-12-03T06:00:20Z");

        assertThat(settings(Optional.empty()).measuredFrom(firstOpen)).isEqualTo(Instant.parse("2026-12-03T06:00:40Z"));
    }

    @Test
    void playersWaitForTheirConfirmationAsLongAsTheyAreToldElseAMinute() {
        assertThat(JourneySettings.fromSystemProperties().confirmWait()).isEqualTo(Duration.ofMinutes(1));
        System.setProperty("soak.confirmWait", "PT5M");
        try {
            assertThat(JourneySettings.fromSystemProperties().confirmWait()).isEqualTo(Duration.ofMinutes(5));
        } finally {
            System.clearProperty("soak.confirmWait");
        }
    }

    @Test
    void keepsAFirstOpenItWasGiven() {
        Instant given = Instant.parse("2026-12-03T07:00:00Z");

        assertThat(settings(Optional.of(given)).firstOpenAfter(Instant.EPOCH, Duration.ZERO))
                .isEqualTo(given);
    }

    @Test
    void spreadsPlayersRoundRobinOverSeveralInstancesEachStickingToOne() {
        JourneySettings two = new JourneySettings(
                "http://a1,http://a2/",
                "http://b1, http://b2",
                3,
                1,
                100,
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                Optional.empty(),
                0.8,
                Optional.empty(),
                6,
                5,
                Duration.ofSeconds(60),
                1.0,
                ArrivalPattern.OPEN);

        assertThat(two.admissionUrlFor(1)).isEqualTo("http://a2");
        assertThat(two.admissionUrlFor(2)).isEqualTo("http://a1");
        assertThat(two.bookingUrlFor(1)).isEqualTo("http://b2");
        assertThat(two.bookingUrlFor(2)).isEqualTo("http://b1");
        assertThat(settings(Optional.empty()).admissionUrlFor(7)).isEqualTo("http://a");
    }
}
