package dev.ticketingwarrior.booking.sale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Two booking instances, 500 admitted players, 100 seats: every seat sold exactly once, everywhere. */
class ContentionIT {

    private static final int PLAYERS = 500;

    private final BookingStack world = BookingStack.get();

    @Test
    void neverSellsASeatTwiceUnderContentionAcrossTwoInstances() throws Exception {
        List<Api> instances = List.of(world.api(world.first()), world.api(world.second()));
        Round round = world.freshRound();
        Map<String, String> accepted = new ConcurrentHashMap<>(); // bookingId -> seatId
        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());

        try (ExecutorService players = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                int player = i;
                done.add(players.submit(() -> play(instances.get(player % 2), round, player, accepted, serverErrors)));
            }
            for (Future<?> future : done) {
                future.get(180, TimeUnit.SECONDS);
            }
        }

        assertThat(serverErrors).isEmpty();
        assertThat(accepted).hasSize(100);
        assertThat(new HashSet<>(accepted.values())).hasSize(100);
        for (Api api : instances) {
            JsonNode map = api.get("/api/v1/rounds/" + round.id() + "/seats", world.viewer(round))
                    .json();
            long sold = 0;
            for (JsonNode seat : map.path("seats")) {
                if ("SOLD".equals(seat.path("status").asString())) {
                    sold++;
                }
            }
            assertThat(sold).isEqualTo(100);
        }
        for (String bookingId : accepted.keySet()) {
            JsonNode booking = Players.awaitFinal(instances.get(0), bookingId, Duration.ofSeconds(60));
            assertThat(booking.path("status").asString()).as(bookingId).isEqualTo("CONFIRMED");
        }
        JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ?",
                        Long.class,
                        round.id().value()))
                .isEqualTo(100);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT seat_id) FROM bookings WHERE round_id = ?",
                        Long.class,
                        round.id().value()))
                .isEqualTo(100);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rejected_bookings WHERE round_id = ?",
                        Long.class,
                        round.id().value()))
                .isZero();
    }

    private void play(Api api, Round round, int player, Map<String, String> accepted, List<String> serverErrors) {
        boolean bot = player % 2 == 1;
        String token = world.token(round, BookingStack.ticket(), "p" + player, bot);
        Map<String, String> botHeaders = bot ? Map.of("X-Bot-Key", BookingStack.BOT_KEY) : Map.of();
        if (!bot) {
            solveCaptcha(api, token, serverErrors);
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            Api.Response seats =
                    retrying(() -> api.get("/api/v1/rounds/" + round.id() + "/seats", token), serverErrors);
            JsonNode map = seats.json();
            List<String> available = new ArrayList<>();
            boolean anyHeld = false;
            for (JsonNode seat : map.path("seats")) {
                String status = seat.path("status").asString();
                if ("AVAILABLE".equals(status)) {
                    available.add(seat.path("id").asString());
                } else if ("HELD".equals(status)) {
                    anyHeld = true;
                }
            }
            if (available.isEmpty()) {
                if (!anyHeld) {
                    return; // sold out
                }
                Players.sleep(50);
                continue;
            }
            String seat = available.get(ThreadLocalRandom.current().nextInt(available.size()));
            Api.Response held = retrying(
                    () -> api.post(
                            "/api/v1/rounds/" + round.id() + "/holds",
                            token,
                            "{\"seatId\":\"" + seat + "\"}",
                            botHeaders),
                    serverErrors);
            if (held.status() != 201) {
                continue;
            }
            String holdId = held.json().path("holdId").asString();
            Map<String, String> headers = merge(botHeaders, Map.of("Idempotency-Key", "k-" + player + "-" + attempt));
            Api.Response booked = retrying(
                    () -> api.post("/api/v1/bookings", token, "{\"holdId\":\"" + holdId + "\"}", headers),
                    serverErrors);
            if (booked.status() == 202) {
                accepted.put(
                        booked.json().path("bookingId").asString(),
                        booked.json().path("seatId").asString());
                return;
            }
        }
    }

    private static void record(Api.Response response, List<String> serverErrors) {
        if (response.status() >= 500) {
            serverErrors.add(response.toString());
        }
    }

    /** Like a real client: a 503 is retried after its Retry-After; any other 5xx is a failure. */
    private static Api.Response retrying(java.util.function.Supplier<Api.Response> call, List<String> serverErrors) {
        for (int i = 0; ; i++) {
            Api.Response response = call.get();
            if (response.status() != 503 || i >= 30) {
                record(response, serverErrors);
                return response;
            }
            assertThat(response.header("Retry-After")).isNotBlank();
            Players.sleep(500);
        }
    }

    private static void solveCaptcha(Api api, String token, List<String> serverErrors) {
        for (int i = 0; i < 10; i++) {
            Api.Response letter = retrying(() -> api.post("/api/v1/captcha", token, null), serverErrors);
            assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
            String id = letter.json().path("captchaId").asString();
            Api.Response answer =
                    retrying(() -> api.post("/api/v1/captcha/" + id, token, "{\"answer\":\"TEST42\"}"), serverErrors);
            if (answer.status() == 204) {
                return;
            }
        }
        throw new AssertionError("could not solve a letter");
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
