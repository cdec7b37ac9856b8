package dev.ticketingwarrior.booking.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.edge.testing.ClientAddresses;
import dev.ticketingwarrior.edge.testing.LimitWindows;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The per-client limits of SPEC §9 on booking, with the production numbers: security letters, holds and bookings per
 * ticket (429 problem+json with Retry-After past the budget, other tickets unaffected, one budget across two
 * instances, never reached by a web-app player or by a bot's most hurried round), debrief and history reads per
 * address, failed authentication of the ops API and of bot keys per address, and refused admission tokens per address.
 */
class ClientLimitsIT {

    private final BookingStack world = BookingStack.get();
    private final Api first = world.api(world.first());

    @Test
    void limitsSecurityLettersPerTicket() {
        Round round = world.freshRound();
        String token = human(round);
        for (int i = 0; i < 10; i++) {
            assertThat(first.post("/api/v1/captcha", token, null).status()).isEqualTo(201);
        }
        isRateLimited(first.post("/api/v1/captcha", token, null));
        assertThat(first.post("/api/v1/captcha", human(round), null).status()).isEqualTo(201);
    }

    @Test
    void limitsHoldsPerTicketAcrossTwoInstances() {
        Api second = world.api(world.second());
        Round round = world.freshRound();
        String token = human(round);
        // 60 per 10 s per ticket, half on each instance: one budget in Redis (428: no letter solved, still counted)
        for (int i = 0; i < 60; i++) {
            Api.Response held = Players.hold(i % 2 == 0 ? first : second, token, round, "A-1");
            assertThat(held.status()).as(held.toString()).isEqualTo(428);
        }
        isRateLimited(Players.hold(first, token, round, "A-1"));
        isRateLimited(Players.hold(second, token, round, "A-1"));
        assertThat(Players.hold(second, human(round), round, "A-1").status()).isEqualTo(428);
    }

    @Test
    void limitsBookingsPerTicket() {
        Round round = world.freshRound();
        String token = human(round);
        for (int i = 0; i < 20; i++) {
            Api.Response booked = Players.book(first, token, "no-such-hold");
            assertThat(booked.status()).as(booked.toString()).isEqualTo(404);
        }
        isRateLimited(Players.book(first, token, "no-such-hold"));
        assertThat(Players.book(first, human(round), "no-such-hold").status()).isEqualTo(404);
    }

    @Test
    void limitsSeatMapsAnswersAndReleasesPerTicket() {
        Round round = world.freshRound();
        String token = human(round);
        // seat maps: 60 per 10 s per ticket, half of them counted in memory, so within one window of the clock
        LimitWindows.awaitRoom(world.clock, Duration.ofSeconds(10), Duration.ofSeconds(5));
        for (int i = 0; i < 60; i++) {
            assertThat(seatMap(round, token).status()).isEqualTo(200);
        }
        isRateLimited(seatMap(round, token));
        assertThat(seatMap(round, human(round)).status()).isEqualTo(200);
        // answers: 10 per 10 s (one per letter shown); releases: 60 per 10 s (one per hold)
        for (int i = 0; i < 10; i++) {
            assertThat(answer(token).status()).isEqualTo(404);
        }
        isRateLimited(answer(token));
        for (int i = 0; i < 60; i++) {
            assertThat(first.delete("/api/v1/holds/no-such-hold", token).status())
                    .isEqualTo(404);
        }
        isRateLimited(first.delete("/api/v1/holds/no-such-hold", token));
        assertThat(first.delete("/api/v1/holds/no-such-hold", human(round)).status())
                .isEqualTo(404);
    }

    @Test
    void limitsPublicReadsPerAddress() {
        // results, the leaderboard, bookings by id and closed rounds' seat maps: one budget per address, half of it
        // counted in memory. Production's 1,200 per 10 s lowered to 20 on an instance of its own, so the test runs
        // well within one window of the in-memory count
        try (ConfigurableApplicationContext app =
                world.start(Map.of("ticketing.limits.public-reads-per-address.limit", "20"))) {
            Api api = world.api(app);
            String address = address();
            LimitWindows.awaitRoom(world.clock, Duration.ofSeconds(10), Duration.ofSeconds(3));
            for (int i = 0; i < 20; i++) {
                Api.Response looked = publicRead(api, "/api/v1/bookings/no-such-booking", address);
                assertThat(looked.status()).as(looked.toString()).isEqualTo(404);
            }
            isRateLimited(publicRead(api, "/api/v1/bookings/no-such-booking", address));
            isRateLimited(publicRead(api, "/api/v1/leaderboard?period=day", address));
            isRateLimited(publicRead(api, "/api/v1/rounds/20310303T000000Z/results", address));
            isRateLimited(publicRead(api, "/api/v1/rounds/20310303T000000Z/seats", address));
            assertThat(publicRead(api, "/api/v1/leaderboard?period=day", address())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void neverLimitsAWebAppPlayerNorABotsMostHurriedRound() {
        Round round = world.freshRound();
        // the web app: a wrong answer or two (each costs a new letter), a few seats taken by others, one booking
        String player = human(round);
        for (int i = 0; i < 3; i++) {
            assertThat(first.post("/api/v1/captcha", player, null).status()).isEqualTo(201);
        }
        Players.solveCaptcha(first, player);
        for (int i = 0; i < 5; i++) {
            assertThat(Players.hold(first, player, round, "Z-" + (900 + i)).status())
                    .isEqualTo(404);
        }
        Api.Response held = Players.hold(
                first, player, round, "A-" + (1 + ThreadLocalRandom.current().nextInt(10)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) { // the same key again, as after a 503
            Api.Response booked =
                    Players.book(first, player, held.json().path("holdId").asString(), key);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        }

        // a bot at the largest max-seat-attempts (50), every hold at once: still under the 60 per ticket
        String bot = world.token(round, BookingStack.ticket(), "bot", true);
        Map<String, String> botKey = Map.of("X-Bot-Key", BookingStack.BOT_KEY);
        for (int i = 0; i < 50; i++) {
            Api.Response attempt = first.post(
                    "/api/v1/rounds/" + round.id() + "/holds", bot, "{\"seatId\":\"Z-" + (800 + i) + "\"}", botKey);
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
        }
        // ... each after a fresh map: still under the 60 seat maps per ticket
        for (int i = 0; i < 51; i++) {
            Api.Response map = first.send("GET", "/api/v1/rounds/" + round.id() + "/seats", bot, null, botKey);
            assertThat(map.status()).as(map.toString()).isEqualTo(200);
        }
    }

    @Test
    void answers429ToAClientAfterTenFailedOpsAuthenticationsEvenWithTheRightToken() {
        String attacker = address();
        for (int i = 0; i < 10; i++) {
            Api.Response refused = deadLetters(attacker, "Bearer wrong-" + i);
            assertThat(refused.status())
                    .as("failure %d from %s: %s", i + 1, attacker, refused)
                    .isEqualTo(401);
        }
        isRateLimited(deadLetters(attacker, "Bearer " + BookingStack.OPS_TOKEN));
        assertThat(deadLetters(address(), "Bearer " + BookingStack.OPS_TOKEN).status())
                .isEqualTo(200);
    }

    @Test
    void answers429ToAClientAfterTenWrongBotKeysEvenWithTheRightKey() {
        Round round = world.freshRound();
        String bot = world.token(round, BookingStack.ticket(), "bot", true);
        String attacker = address();
        for (int i = 0; i < 10; i++) {
            Api.Response guessed = botHold(attacker, bot, round, "wrong-" + i);
            assertThat(guessed.status()).as(guessed.toString()).isEqualTo(401);
        }
        // the 11th failure goes over the budget (nothing is looked up before a player call, so it is still a 401);
        // from then on this instance refuses the address, the right key included
        assertThat(botHold(attacker, bot, round, "wrong-10").status()).isEqualTo(401);
        isRateLimited(botHold(attacker, bot, round, BookingStack.BOT_KEY));
        // another address with the right key is served (404: the seat does not exist, past every credential check)
        assertThat(botHold(address(), bot, round, BookingStack.BOT_KEY).status())
                .isEqualTo(404);
    }

    @Test
    void answers429ToAnAddressWhoseAdmissionTokensAreRefusedPastItsBudget() {
        // production's 300 refused tokens per 10 s lowered to 5 on an instance of its own; counted after each 401,
        // refused by the instance that saw the budget spent, before the token is even verified
        try (ConfigurableApplicationContext app =
                world.start(Map.of("ticketing.limits.failed-tokens-per-address.limit", "5"))) {
            Api api = world.api(app);
            Round round = world.freshRound();
            String attacker = address();
            String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
            LimitWindows.awaitRoom(world.clock, Duration.ofSeconds(10), Duration.ofSeconds(3));
            for (int i = 0; i < 6; i++) { // the 6th goes over the budget and is still answered
                Api.Response refused = playerHold(api, attacker, forged, round, Map.of());
                assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
                assertThat(refused.problemSlug()).isEqualTo("invalid-token");
            }
            isRateLimited(playerHold(api, attacker, human(round), round, Map.of()));
            isRateLimited(api.send("POST", "/api/v1/captcha", human(round), null, Map.of("X-Forwarded-For", attacker)));
            // a bot at that address is judged by its key, another address's player is served, and public reads
            // from the address carry no token to refuse (404: the seat or booking does not exist)
            String bot = world.token(round, BookingStack.ticket(), "bot", true);
            assertThat(playerHold(api, attacker, bot, round, Map.of("X-Bot-Key", BookingStack.BOT_KEY))
                            .status())
                    .isEqualTo(404);
            Api.Response other = playerHold(api, address(), human(round), round, Map.of());
            assertThat(other.status()).as(other.toString()).isEqualTo(404);
            assertThat(publicRead(api, "/api/v1/bookings/no-such-booking", attacker)
                            .status())
                    .isEqualTo(404);
        }
    }

    private static Api.Response playerHold(
            Api api, String client, String token, Round round, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Forwarded-For", client);
        return api.send("POST", "/api/v1/rounds/" + round.id() + "/holds", token, "{\"seatId\":\"Z-999\"}", all);
    }

    private Api.Response botHold(String client, String token, Round round, String botKey) {
        return first.send(
                "POST",
                "/api/v1/rounds/" + round.id() + "/holds",
                token,
                "{\"seatId\":\"Z-999\"}",
                Map.of("X-Forwarded-For", client, "X-Bot-Key", botKey));
    }

    private Api.Response deadLetters(String client, String authorization) {
        return first.send(
                "GET",
                "/api/v1/confirmations/dead-letters",
                null,
                null,
                Map.of("X-Forwarded-For", client, "Authorization", authorization));
    }

    private Api.Response seatMap(Round round, String token) {
        return first.get("/api/v1/rounds/" + round.id() + "/seats", token);
    }

    private Api.Response answer(String token) {
        return first.post("/api/v1/captcha/no-such-letter", token, "{\"answer\":\"ABC\"}");
    }

    private static Api.Response publicRead(Api api, String path, String address) {
        return api.send("GET", path, null, null, Map.of("X-Forwarded-For", address));
    }

    private String human(Round round) {
        return world.token(round, BookingStack.ticket(), "player", false);
    }

    private static String address() {
        return ClientAddresses.next();
    }

    @Test
    void limitsDebriefAndHistoryReadsPerAddress() {
        // 120 per 10 s per address (they carry no token); the loopback peer is a trusted proxy, so X-Forwarded-For
        // names the address, a fresh one per run
        String address = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(254));
        String other = "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(254));
        String secret = "s".repeat(43);
        for (int i = 0; i < 120; i++) {
            Api.Response history = history(address, secret);
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
        }
        isRateLimited(history(address, secret));
        isRateLimited(first.send(
                "GET",
                "/api/v1/rounds/20310303T000000Z/debriefs/t-1",
                null,
                null,
                Map.of("X-Forwarded-For", address, "X-Player-Secret", secret)));
        assertThat(history(other, secret).status()).isEqualTo(200);
    }

    private Api.Response history(String address, String secret) {
        return first.send(
                "GET",
                "/api/v1/players/history?nickname=limits",
                null,
                null,
                Map.of("X-Forwarded-For", address, "X-Player-Secret", secret));
    }

    private static void isRateLimited(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemSlug()).isEqualTo("rate-limited");
    }
}
