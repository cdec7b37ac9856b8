package dev.ticketingwarrior.booking.debrief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptRecorderTests {

    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");
    private static final Instant NOW = OPEN.plusMillis(4_200);
    private static final RoundClock CLOCK =
            new RoundClock(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), Duration.ofSeconds(15));
    private static final RoundRetention RETENTION = new RoundRetention(CLOCK, Duration.ofMinutes(10));

    private final Round round = CLOCK.current();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Recorded> recorded = new ArrayList<>();
    private RuntimeException failure;

    private final AttemptRecorder recorder = new AttemptRecorder(new Recording(), CLOCK, RETENTION, meters);

    private Player player(boolean bot, Optional<PlayerId> id) {
        AdmissionClaims claims = new AdmissionClaims(
                "t-7",
                round.id(),
                "lee",
                bot,
                7,
                OPEN.plusMillis(300),
                OPEN.plusMillis(1_900),
                OPEN.plusMillis(1_900),
                round.closesAt(),
                "jti-7");
        return new Player(claims, bot, id);
    }

    private final Player human = player(false, Optional.of(PlayerId.of("lee", "s".repeat(43))));

    @Test
    void eachCallOfAHumanIsRecordedAtTheServersTimeWithItsAdmissionForTheRoundsRetention() {
        recorder.letterIssued(round, human);
        recorder.letterAnswered(round, human, true);
        recorder.seatTried(round, human, "A-4", SeatResult.HELD, Optional.of(NOW));

        LiveAttempts.Entrant lee = new LiveAttempts.Entrant(
                "t-7", human.playerId().get(), "lee", 7, OPEN.plusMillis(300), OPEN.plusMillis(1_900));
        assertThat(recorded)
                .containsExactly(
                        new Recorded(round.id(), lee, new LiveAttempts.LetterIssued(NOW), RETENTION.ttl(round)),
                        new Recorded(round.id(), lee, new LiveAttempts.LetterAnswered(NOW, true), RETENTION.ttl(round)),
                        new Recorded(
                                round.id(),
                                lee,
                                new LiveAttempts.SeatTried(NOW, "A-4", SeatResult.HELD, Optional.of(NOW)),
                                RETENTION.ttl(round)));
    }

    /** A bot, or a human that sent no device secret, has no debrief: it costs no call. */
    @Test
    void botsAndHumansWithoutTheirSecretAreNotRecorded() {
        recorder.letterIssued(round, player(true, Optional.empty()));
        recorder.letterIssued(round, player(false, Optional.empty()));

        assertThat(recorded).isEmpty();
    }

    /** The player's call matters more than its debrief: a failed recording is counted, never thrown. */
    @Test
    void aRecordingThatFailsIsCountedNotThrown() {
        failure = new IllegalStateException("redis is out");

        recorder.letterAnswered(round, human, false);

        assertThat(meters.counter("ticketing.debrief.unrecorded").count()).isEqualTo(1);
    }

    private record Recorded(RoundId round, LiveAttempts.Entrant entrant, LiveAttempts.Event event, Duration ttl) {}

    /** Writes down what it is asked to record, or fails as told; the recorder reads nothing back. */
    private final class Recording extends UnansweredLiveAttempts {

        @Override
        public void record(RoundId round, Entrant entrant, Event event, Duration retention) {
            if (failure != null) {
                throw failure;
            }
            recorded.add(new Recorded(round, entrant, event, retention));
        }
    }
}
