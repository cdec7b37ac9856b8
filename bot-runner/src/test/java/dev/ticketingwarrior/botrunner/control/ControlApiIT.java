package dev.ticketingwarrior.botrunner.control;

import static dev.ticketingwarrior.botrunner.support.BotRunnerInstance.OPS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.support.BotRunnerInstance;
import dev.ticketingwarrior.edge.api.ApiDocuments;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.testing.LimitWindows;
import dev.ticketingwarrior.edge.testing.LogLines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The control API of two real instances sharing one Redis: auth, validation, and settings visible to both. */
class ControlApiIT {

    private static final String PROBLEMS = "https://ticketing-warrior.dev/problems/";

    private static String namespace;
    private static BotRunnerInstance first;
    private static BotRunnerInstance second;

    @BeforeAll
    static void startTwoInstances() {
        namespace = "it-control-" + UUID.randomUUID();
        Map<String, Object> properties = Map.of("ticketing.bots.settings-refresh", "200ms");
        first = BotRunnerInstance.start(namespace, properties);
        second = BotRunnerInstance.start(namespace, properties);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @BeforeEach
    void knownSettings() {
        put(first.web(), "{\"enabled\":false,\"perRound\":150,\"difficulty\":\"NORMAL\",\"cancelProbability\":0.05}")
                .expectStatus()
                .isOk();
    }

    private static WebTestClient.ResponseSpec put(WebTestClient web, String json) {
        return web.put()
                .uri("/api/v1/bots")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    @Test
    void refusesEveryControlCallWithoutTheOpsToken() {
        for (String path : new String[] {"/api/v1/bots", "/api/v1/bots/stats"}) {
            first.web()
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ticketing-ops\"")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(PROBLEMS + "unauthorized")
                    .jsonPath("$.status")
                    .isEqualTo(401);
        }
        first.web()
                .put()
                .uri("/api/v1/bots")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":true}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void settingsOutliveRedisLosingThem() {
        put(first.web(), "{\"enabled\":true,\"perRound\":321}").expectStatus().isOk();
        botsOf(second).jsonPath("$.perRound").isEqualTo(321);
        ReactiveStringRedisTemplate redis = first.bean(ReactiveStringRedisTemplate.class);
        assertThat(redis.delete(namespace + ":settings").block())
                .as("what a Redis restarted without its data no longer has")
                .isEqualTo(1);

        botsOf(second)
                .jsonPath("$.enabled")
                .isEqualTo(true)
                .jsonPath("$.perRound")
                .isEqualTo(321);
        assertThat(redis.<String, String>opsForHash()
                        .get(namespace + ":settings", "perRound")
                        .block())
                .as("written back for every instance")
                .isEqualTo("321");
    }

    private static WebTestClient.BodyContentSpec botsOf(BotRunnerInstance instance) {
        return instance.web()
                .get()
                .uri("/api/v1/bots")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void showsPlayersTheDifficultyWithoutATokenButNothingElse() {
        put(first.web(), "{\"enabled\":true,\"perRound\":321,\"difficulty\":\"INSANE\"}")
                .expectStatus()
                .isOk();

        second.web()
                .get()
                .uri("/api/v1/bots/public")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.difficulty")
                .isEqualTo("INSANE")
                .jsonPath("$.perRound")
                .isEqualTo(321)
                .jsonPath("$.enabled")
                .isEqualTo(true)
                .jsonPath("$.cancelProbability")
                .doesNotExist();
    }

    @Test
    void limitsThePublicViewPerClientAndLeavesOtherClientsAlone() {
        String client = "198.18.9." + (1 + new java.util.Random().nextInt(250));
        // SPEC §9: 300 per 10 s per address (half in memory, the rest counted in Redis), within one window
        LimitWindows.awaitRoom(Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(8));
        for (int i = 0; i < 300; i++) {
            publicView(client).expectStatus().isOk();
        }
        isRateLimited(publicView(client));
        publicView("198.18.10.1").expectStatus().isOk();
    }

    private static void isRateLimited(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        value -> assertThat(Long.parseLong(value)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "rate-limited");
    }

    private static WebTestClient.ResponseSpec publicView(String client) {
        return first.web()
                .get()
                .uri("/api/v1/bots/public")
                .header("X-Forwarded-For", client)
                .exchange();
    }

    @Test
    void answers429AfterTenFailedAuthenticationsFromOneClientOnEitherInstance() {
        String attacker = "198.18.7." + (1 + new java.util.Random().nextInt(250));
        // SPEC §9: counted in Redis, so five guesses on each instance spend one budget of ten
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? first : second)
                    .web()
                    .get()
                    .uri("/api/v1/bots/stats")
                    .header("X-Forwarded-For", attacker)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer guess-" + i)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        for (BotRunnerInstance instance : List.of(first, second)) {
            // before the token is even looked at: the right one is refused too
            isRateLimited(instance.web()
                    .get()
                    .uri("/api/v1/bots")
                    .header("X-Forwarded-For", attacker)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                    .exchange());
        }
        // another client, and the public view from the attacker's address, are not affected
        first.web()
                .get()
                .uri("/api/v1/bots")
                .header("X-Forwarded-For", "198.18.8.1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        first.web()
                .get()
                .uri("/api/v1/bots/public")
                .header("X-Forwarded-For", attacker)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesAWrongOpsToken() {
        first.web()
                .put()
                .uri("/api/v1/bots")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN + "x")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":true}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "unauthorized");
        first.web()
                .get()
                .uri("/api/v1/bots")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // the right token beside a wrong one, or twice: one Authorization header or none (found by BadInputSweepIT)
        for (String[] twice : List.of(
                new String[] {"Bearer " + OPS_TOKEN, "Bearer wrong"},
                new String[] {"Bearer " + OPS_TOKEN, "Bearer " + OPS_TOKEN})) {
            first.web()
                    .put()
                    .uri("/api/v1/bots")
                    .header(HttpHeaders.AUTHORIZATION, twice)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"enabled\":true}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        assertThat(settingsOf(first).enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"perRound\":-1}",
                "{\"perRound\":100001}",
                "{\"cancelProbability\":1.5}",
                "{\"cancelProbability\":-0.1}",
                "{\"difficulty\":\"EXTREME\"}",
                "{\"perRound\":\"150\"}",
                "{\"enabled\":\"yes\"}",
                "{\"perRound\":1.5}",
                "{\"perround\":10}",
                // an empty string is not "unchanged" (null) for a boolean, number or enum (found by BadInputSweepIT)
                "{\"enabled\":\"\"}",
                "{\"perRound\":\"\"}",
                "{\"difficulty\":\"\"}",
                "{\"cancelProbability\":\"\"}",
                "{\"perRound\":10,\"perRound\":20}",
                "{\"perRound\":",
                "[]",
                "not json"
            })
    void refusesInvalidSettingsWithAProblemAndChangesNothing(String body) {
        put(first.web(), body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "invalid-request")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .isNotEmpty();

        botsOf(second)
                .json("{\"enabled\":false,\"perRound\":150,\"difficulty\":\"NORMAL\",\"cancelProbability\":0.05}");
    }

    @Test
    void refusesATooLargeBody() {
        String huge = "{\"difficulty\":\"" + "N".repeat(20_000) + "\"}";

        put(first.web(), huge)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "payload-too-large");
        // and the instance still answers the next call
        botsOf(first);
    }

    @Test
    void appliesAChangeMadeThroughOneInstanceToTheOther() throws InterruptedException {
        put(first.web(), "{\"perRound\":42,\"difficulty\":\"HARD\",\"cancelProbability\":0.2}")
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"enabled\":false,\"perRound\":42,\"difficulty\":\"HARD\",\"cancelProbability\":0.2}");

        botsOf(second).json("{\"enabled\":false,\"perRound\":42,\"difficulty\":\"HARD\",\"cancelProbability\":0.2}");

        // and the second instance's live copy follows within a refresh, without anyone asking it
        BotSettings expected = new BotSettings(false, 42, Difficulty.HARD, 0.2);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!settingsOf(second).equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(settingsOf(second)).isEqualTo(expected);
    }

    @Test
    void auditsAChangeWithTheCallersAddressAsTheLimitsSeeIt() {
        // loopback is a trusted proxy here, as the load balancer is in AWS: the caller is the forwarded address
        try (LogLines audit = LogLines.of("audit.bots")) {
            first.web()
                    .put()
                    .uri("/api/v1/bots")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                    .header("X-Forwarded-For", "203.0.113.78")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"perRound\":150}")
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(audit.lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line.getFormattedMessage()).contains("by ops@203.0.113.78:"));
        }
    }

    @Test
    void keepsWhatAPartialChangeLeavesOut() {
        put(first.web(), "{\"difficulty\":\"INSANE\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"enabled\":false,\"perRound\":150,\"difficulty\":\"INSANE\",\"cancelProbability\":0.05}");
    }

    @Test
    void reportsStatisticsForTheCurrentAndRecentRounds() {
        first.web()
                .get()
                .uri("/api/v1/bots/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rounds.length()")
                .isEqualTo(6)
                .jsonPath("$.rounds[0].launched")
                .isEqualTo(0)
                .jsonPath("$.rounds[0].roundId")
                .isNotEmpty();
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        first.web()
                .get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void isReadyAndExposesItsMeters() {
        first.web()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        first.web()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        String apiDocs = first.web()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(apiDocs).contains("\"/api/v1/bots\"");
        assertThat(ApiDocuments.check("bot-runner", apiDocs)).isEmpty();
        String prometheus = first.web()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(prometheus)
                .contains("ticketing_bots_launched_total")
                .contains("ticketing_bots_admitted_total")
                .contains("ticketing_bots_booked_total")
                .contains("ticketing_bots_errors_total")
                .contains("ticketing_bots_launch_lag_seconds_bucket")
                .contains("ticketing_bots_first_request_lag_seconds_bucket");
    }

    @SuppressWarnings("unchecked")
    private static BotSettings settingsOf(BotRunnerInstance instance) {
        return ((LiveSettings<BotSettings>) instance.bean(LiveSettings.class)).get();
    }
}
