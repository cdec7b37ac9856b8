package dev.ticketingwarrior.booking.captcha.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.letter.LoadTestLetters;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The letter's rules against a letter store in memory, a real renderer and a voice that writes what it is asked. */
class CaptchaServiceTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:05Z");
    private static final RoundClock CLOCK =
            new RoundClock(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), Duration.ofSeconds(15));
    private static final RoundRetention RETENTION = new RoundRetention(CLOCK, Duration.ofMinutes(10));
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final String SOAK_KEY = "a-soak-key-of-at-least-32-characters";

    private final Round round = CLOCK.current();
    private final MemoryCaptchas captchas = new MemoryCaptchas();
    private final List<String> spoken = new ArrayList<>();
    private final LetterVoice voice = text -> {
        spoken.add(text);
        return text.getBytes(StandardCharsets.US_ASCII);
    };
    private final List<CaptchaService> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(CaptchaService::stop);
    }

    private CaptchaService service(Optional<String> fixedAnswer, Optional<String> loadTestKey) {
        CaptchaService service =
                new CaptchaService(captchas, new CaptchaRenderer(), voice, RETENTION, TTL, 6, fixedAnswer, loadTestKey);
        started.add(service);
        return service;
    }

    @Test
    void aLetterIsAPictureStoredForItsTicketForItsTimeToLive() {
        CaptchaService letters = service(Optional.empty(), Optional.empty());

        CaptchaService.Letter letter = letters.issue(round, "t-1");

        assertThat(CaptchaId.looksValid(letter.captchaId())).isTrue();
        assertThat(letter.image()).startsWith("data:image/png;base64,");
        Stored stored = captchas.stored.get(letter.captchaId());
        assertThat(stored.round()).isEqualTo(round.id());
        assertThat(stored.ttl()).isEqualTo(TTL);
        assertThat(stored.letter().ticketId()).isEqualTo("t-1");
        assertThat(stored.letter().answer()).hasSize(6).matches("[" + LoadTestLetters.ALPHABET + "]+");
        assertThat(letters.issue(round, "t-2").captchaId()).isNotEqualTo(letter.captchaId());
    }

    /** A soak's letters can be answered by whoever holds the key, from the letter's id alone. */
    @Test
    void withALoadTestKeyTheAnswerFollowsFromTheLettersId() {
        CaptchaService letters = service(Optional.empty(), Optional.of(SOAK_KEY));

        String id = letters.issue(round, "t-1").captchaId();

        assertThat(captchas.stored.get(id).letter().answer()).isEqualTo(LoadTestLetters.answer(SOAK_KEY, id, 6));
    }

    @Test
    void anAnswerIsStrippedAndUpperCasedAndTheRoundKeepsTheSolvedTicket() {
        CaptchaService letters = service(Optional.of("ABC234"), Optional.empty());
        String id = letters.issue(round, "t-1").captchaId();

        assertThat(letters.answer(round, "t-1", id, "  abc234 ")).isEqualTo(LetterAnswer.SOLVED);
        assertThat(captchas.answers).containsExactly(new Answer(id, "t-1", "ABC234", NOW, RETENTION.ttl(round)));
    }

    @Test
    void anIdOfNoLettersShapeIsUnknownWithoutAskingTheStore() {
        CaptchaService letters = service(Optional.of("ABC234"), Optional.empty());

        assertThat(letters.answer(round, "t-1", "../../etc", "ABC234")).isEqualTo(LetterAnswer.UNKNOWN);
        assertThat(letters.audio(round, "t-1", "../../etc")).isEmpty();
        assertThat(captchas.answers).isEmpty();
        assertThat(spoken).isEmpty();
    }

    @Test
    void aLetterIsReadAloudToItsOwnTicketOnlyAndStaysOpen() {
        CaptchaService letters = service(Optional.of("ABC234"), Optional.empty());
        String id = letters.issue(round, "t-1").captchaId();

        assertThat(letters.audio(round, "t-2", id)).isEmpty();
        assertThat(letters.audio(round, "t-1", id))
                .hasValueSatisfying(wav ->
                        assertThat(wav).asString(StandardCharsets.US_ASCII).isEqualTo("ABC234"));
        assertThat(spoken).containsExactly("ABC234");
        assertThat(letters.answer(round, "t-1", id, "abc234")).isEqualTo(LetterAnswer.SOLVED);
        assertThat(letters.audio(round, "t-1", id)).as("answered: gone").isEmpty();
    }

    private record Stored(RoundId round, Captchas.Issued letter, Duration ttl) {}

    private record Answer(String captchaId, String ticketId, String answer, Instant at, Duration retention) {}

    /** Letters kept in memory, used up by any answer as the Redis script does. */
    private static final class MemoryCaptchas implements Captchas {

        final Map<String, Stored> stored = new HashMap<>();
        final List<Answer> answers = new ArrayList<>();
        final Map<String, Boolean> solved = new HashMap<>();

        @Override
        public void store(RoundId round, String captchaId, Issued letter, Duration ttl) {
            stored.put(captchaId, new Stored(round, letter, ttl));
        }

        @Override
        public LetterAnswer answer(
                RoundId round, String captchaId, String ticketId, String answer, Instant at, Duration retention) {
            answers.add(new Answer(captchaId, ticketId, answer, at, retention));
            Stored letter = stored.get(captchaId);
            if (letter == null || !letter.letter().ticketId().equals(ticketId)) {
                return solved.containsKey(ticketId) ? LetterAnswer.REPEATED : LetterAnswer.UNKNOWN;
            }
            stored.remove(captchaId);
            if (!letter.letter().answer().equals(answer)) {
                return LetterAnswer.WRONG;
            }
            solved.put(ticketId, true);
            return LetterAnswer.SOLVED;
        }

        @Override
        public boolean isSolved(RoundId round, String ticketId) {
            return solved.containsKey(ticketId);
        }

        @Override
        public Optional<Issued> find(RoundId round, String captchaId) {
            return Optional.ofNullable(stored.get(captchaId)).map(Stored::letter);
        }
    }
}
