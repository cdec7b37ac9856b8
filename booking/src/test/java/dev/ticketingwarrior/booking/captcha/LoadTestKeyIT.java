package dev.ticketingwarrior.booking.captcha;

import static dev.ticketingwarrior.booking.support.Players.hold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.captcha.redis.CaptchaKeys;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.shared.letter.LoadTestLetters;
import dev.ticketingwarrior.shared.round.Round;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load-test key (soaks): on an instance started with it, a letter is answered with {@link LoadTestLetters} through
 * the real answer path and only then allows a hold; on an instance without one (the default, no profile) that derived
 * answer is just a wrong answer.
 */
class LoadTestKeyIT {

    private static final String KEY = "it-" + UUID.randomUUID();
    private static final String OTHER_KEY = "it-" + UUID.randomUUID();
    private static final BookingStack world = BookingStack.get();
    private static ConfigurableApplicationContext keyed;
    private static ConfigurableApplicationContext unkeyed;

    @BeforeAll
    static void start() {
        // no "test" profile: its fixed answer would be ambiguous beside a key, and would hide the default random text
        keyed = world.start(world.clock, Map.of("ticketing.captcha.load-test-key", KEY), "");
        unkeyed = world.start(world.clock, Map.of(), "");
    }

    @AfterAll
    static void stop() {
        keyed.close();
        unkeyed.close();
    }

    @Test
    void withTheKeyADerivedAnswerSolvesTheLetterAndTheSeatCanBeHeld() {
        Api api = world.api(keyed);
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "soak-1", false);
        assertThat(hold(api, token, round, "A-1").status()).isEqualTo(428);

        String guessed = issue(api, token);
        Api.Response wrong = answer(api, token, guessed, LoadTestLetters.answer(OTHER_KEY, guessed, 6));
        assertThat(wrong.status()).as("another key does not solve it").isEqualTo(422);

        String captchaId = issue(api, token);
        Api.Response solved = answer(api, token, captchaId, LoadTestLetters.answer(KEY, captchaId, 6));
        assertThat(solved.status()).as(solved.toString()).isEqualTo(204);
        Api.Response held = hold(api, token, round, "A-1");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
    }

    @Test
    void withoutAKeyTheDerivedAnswerIsRefused() {
        Api api = world.api(unkeyed);
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "guesser", false);

        String captchaId = issue(api, token);
        String derived = LoadTestLetters.answer(KEY, captchaId, 6);
        assertThat(storedAnswer(round, captchaId)).as("random text").hasSize(6).isNotEqualTo(derived);
        Api.Response refused = answer(api, token, captchaId, derived);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.problemSlug()).isEqualTo("wrong-answer");
        assertThat(hold(api, token, round, "A-2").status()).isEqualTo(428);
    }

    private static String issue(Api api, String token) {
        Api.Response letter = api.post("/api/v1/captcha", token, null);
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        assertThat(letter.json().path("image").asString()).startsWith("data:image/png;base64,");
        return letter.json().path("captchaId").asString();
    }

    private static Api.Response answer(Api api, String token, String captchaId, String answer) {
        return api.post("/api/v1/captcha/" + captchaId, token, "{\"answer\":\"" + answer + "\"}");
    }

    private static String storedAnswer(Round round, String captchaId) {
        return unkeyed.getBean(RedissonClient.class)
                .<String, String>getMap(new CaptchaKeys(round.id()).captcha(captchaId), StringCodec.INSTANCE)
                .get("answer");
    }
}
