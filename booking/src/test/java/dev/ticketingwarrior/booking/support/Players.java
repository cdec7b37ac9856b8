package dev.ticketingwarrior.booking.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.JsonNode;

/** The player steps of SPEC §5 over HTTP. */
public final class Players {

    private Players() {}

    /** Asks for a letter and answers it with the test profile's fixed answer. */
    public static void solveCaptcha(Api api, String token) {
        Api.Response letter = api.post("/api/v1/captcha", token, null);
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        String id = letter.json().path("captchaId").asString();
        Api.Response answer = api.post("/api/v1/captcha/" + id, token, "{\"answer\":\"test42\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    }

    public static Api.Response hold(Api api, String token, Round round, String seatId) {
        return api.post("/api/v1/rounds/" + round.id() + "/holds", token, "{\"seatId\":\"" + seatId + "\"}");
    }

    public static Api.Response hold(Api api, String token, Round round, String seatId, Map<String, String> headers) {
        return api.post("/api/v1/rounds/" + round.id() + "/holds", token, "{\"seatId\":\"" + seatId + "\"}", headers);
    }

    public static Api.Response book(Api api, String token, String holdId) {
        return book(api, token, holdId, UUID.randomUUID().toString());
    }

    public static Api.Response book(Api api, String token, String holdId, String idempotencyKey) {
        return api.post(
                "/api/v1/bookings",
                token,
                "{\"holdId\":\"" + holdId + "\"}",
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Polls GET /bookings/{id} until it leaves PENDING (or the wait runs out). */
    public static JsonNode awaitFinal(Api api, String bookingId, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Api.Response response = api.get("/api/v1/bookings/" + bookingId);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            last = response.json();
            if (!"PENDING".equals(last.path("status").asString())) {
                return last;
            }
            sleep(100);
        }
        return last;
    }

    /** A fresh device secret, as the web app keeps one ({@code X-Player-Secret}: 32 random bytes, base64url). */
    public static String deviceSecret() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Waits until one instance has archived the round's attempts (its archive key says {@code done}), up to 20 s. */
    public static void awaitArchived(RedissonClient redis, Round round) {
        Instant deadline = Instant.now().plusSeconds(20);
        String key = round.id().hashTag() + ":attempts-archive";
        while (Instant.now().isBefore(deadline)) {
            if ("done".equals(redis.getBucket(key, StringCodec.INSTANCE).get())) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("round " + round.id() + " was not archived within 20 s");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
