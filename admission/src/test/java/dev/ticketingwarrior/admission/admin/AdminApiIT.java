package dev.ticketingwarrior.admission.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.queue.domain.ServingTicker;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.api.ApiDocuments;
import dev.ticketingwarrior.edge.testing.LogLines;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

class AdminApiIT extends AdmissionIntegrationTest {

    @Autowired
    private AdmissionProperties properties;

    @Test
    void refusesCallsWithoutTheOpsToken() {
        web.get()
                .uri("/api/v1/admin/admission")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer realm=\"ticketing-ops\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/unauthorized");
        web.get().uri("/api/v1/admin/stats").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAWrongOpsToken() {
        web.put()
                .uri("/api/v1/admin/admission")
                .header("Authorization", "Bearer " + OPS_TOKEN + "x")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ratePerSecond", 5, "openBatch", 0, "maxActive", 0, "paused", false))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.get()
                .uri("/api/v1/admin/admission")
                .header("Authorization", "Basic " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesInvalidSettings() {
        for (String body : new String[] {
            "{\"ratePerSecond\":-1,\"openBatch\":0,\"maxActive\":0,\"paused\":false}",
            "{\"ratePerSecond\":5,\"openBatch\":0,\"maxActive\":0}",
            "{\"ratePerSecond\":5,\"openBatch\":2000000,\"maxActive\":0,\"paused\":false}",
            "{\"ratePerSecond\":\"fast\",\"openBatch\":0,\"maxActive\":0,\"paused\":false}",
            "{\"ratePerSecond\":5,\"openBatch\":0,\"maxActive\":0,\"paused\":\"yes\"}",
            "{\"ratePerSecond\":5,\"openBatch\":1.5,\"maxActive\":0,\"paused\":false}",
            "{\"ratePerSecond\":5,",
            "[]"
        }) {
            web.put()
                    .uri("/api/v1/admin/admission")
                    .header("Authorization", "Bearer " + OPS_TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ticketing-warrior.dev/problems/invalid-request");
        }
    }

    @Test
    void saysWhichFieldOfARefusedBodyIsWrong() {
        web.put()
                .uri("/api/v1/admin/admission")
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"ratePerSecond\":\"fast\",\"openBatch\":0,\"maxActive\":0,\"paused\":false}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0]")
                .isEqualTo("ratePerSecond: not a number");
    }

    @Test
    void changesApplyToTheRunningRoundAndAreReadBack() {
        settings(0, 0, 0, false);
        openRound();
        String ticket = id(enter("admin_change"));
        String second = id(enter("admin_change2"));
        advance(Duration.ofSeconds(1));
        assertThat(status(ticket).get("status").asString()).isEqualTo("WAITING");

        JsonNode changed = settings(2.5, 0, 7, false);
        assertThat(changed.get("ratePerSecond").asDouble()).isEqualTo(2.5);
        advance(Duration.ofMillis(400));
        // 2.5/s from the change on: one admission after 0.4 s, none for the second before the change
        assertThat(status(ticket).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(status(second).get("status").asString()).isEqualTo("WAITING");

        JsonNode read = readSettings();
        assertThat(read.get("ratePerSecond").asDouble()).isEqualTo(2.5);
        assertThat(read.get("maxActive").asInt()).isEqualTo(7);
        assertThat(read.get("paused").asBoolean()).isFalse();
    }

    @Test
    void auditsAChangeWithTheCallersAddressAsTheLimitsSeeIt() {
        // behind the load balancer (loopback is a trusted proxy here) the caller is the forwarded address, not the
        // balancer's
        try (LogLines audit = LogLines.of("audit.admission")) {
            web.put()
                    .uri("/api/v1/admin/admission")
                    .header("Authorization", "Bearer " + OPS_TOKEN)
                    .header("X-Forwarded-For", "203.0.113.77")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("ratePerSecond", 4, "openBatch", 0, "maxActive", 0, "paused", true))
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(audit.lines()).hasSize(1);
            assertThat(audit.lines().getFirst().getKeyValuePairs()).anySatisfy(pair -> {
                assertThat(pair.key).isEqualTo("client.address");
                assertThat(pair.value).isEqualTo("203.0.113.77");
            });
        }
    }

    @Test
    void opsSettingsOutliveRedisLosingThem() {
        settings(3, 0, 5, true);
        String key = properties.admission().settingsKey();
        assertThat(redis().delete(key))
                .as("what a Redis restarted without its data no longer has")
                .isTrue();

        JsonNode read = readSettings();
        assertThat(read.get("paused").asBoolean())
                .as("a paused admission stays paused, not the configured defaults")
                .isTrue();
        assertThat(read.get("ratePerSecond").asDouble()).isEqualTo(3);
        assertThat(read.get("maxActive").asInt()).isEqualTo(5);
        assertThat(redis().<String, String>opsForHash().entries(key))
                .as("written back for every instance")
                .containsEntry("paused", "true");
    }

    /** Ops change what they read; a change made on settings read before someone else's is refused, not made over it. */
    @Test
    void aChangeMadeOnSettingsSomeoneChangedSinceIs412WithThoseInForce() {
        settings(20, 0, 0, false);
        String read = readEtag();
        assertThat(read).matches("\"[0-9a-f]{16}\"");
        settings(20, 0, 0, true); // someone else pauses

        try (LogLines audit = LogLines.of("audit.admission")) {
            putIfMatch(read, 20, 5, 0, false)
                    .expectStatus()
                    .isEqualTo(412)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .value("ETag", tag -> assertThat(tag).isNotEqualTo(read))
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ticketing-warrior.dev/problems/settings-changed")
                    .jsonPath("$.current.paused")
                    .isEqualTo(true);
            assertThat(audit.lines()).as("nothing changed, nothing audited").isEmpty();
        }
        assertThat(readSettings().get("paused").asBoolean()).as("still paused").isTrue();

        String changed = putIfMatch(readEtag(), 20, 5, 0, true)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        assertThat(readSettings().get("openBatch").asInt()).isEqualTo(5);
        putIfMatch("\"0000000000000000\", " + changed, 21, 5, 0, true)
                .expectStatus()
                .isOk();
        putIfMatch("*", 22, 5, 0, true).expectStatus().isOk();
        String weakened = "W/" + readEtag();
        putIfMatch(weakened, 22.5, 5, 0, true).expectStatus().isOk();
        putIfMatch(changed, 23, 5, 0, true).expectStatus().isEqualTo(412);
    }

    /** Settings stored as other text for the same values (edited by hand: "20" for 20.0) are still those a tag names. */
    @Test
    void aChangeOnSettingsStoredAsOtherTextForTheSameValuesIsMade() {
        settings(20, 0, 0, false);
        redis().<String, String>opsForHash().put(properties.admission().settingsKey(), "ratePerSecond", "20");

        putIfMatch(readEtag(), 20, 3, 0, false).expectStatus().isOk();

        assertThat(readSettings().get("openBatch").asInt()).isEqualTo(3);
    }

    /** Changes made at once: each audit line names the settings its change replaced, so the trail can be replayed. */
    @Test
    void concurrentChangesEachAuditWhatTheyReplaced() {
        settings(1, 0, 0, false);
        try (LogLines audit = LogLines.of("audit.admission")) {
            Flux.range(2, 20)
                    .flatMap(
                            rate -> web.put()
                                    .uri("/api/v1/admin/admission")
                                    .header("Authorization", "Bearer " + OPS_TOKEN)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Map.of(
                                            "ratePerSecond", rate, "openBatch", 0, "maxActive", 0, "paused", false))
                                    .exchange()
                                    .returnResult(String.class)
                                    .getResponseBody()
                                    .then(),
                            20)
                    .blockLast(Duration.ofSeconds(30));

            Map<String, String> replaced = new HashMap<>();
            for (var line : audit.lines()) {
                Map<String, String> pairs = new HashMap<>();
                line.getKeyValuePairs().forEach(pair -> pairs.put(pair.key, String.valueOf(pair.value)));
                assertThat(replaced.put(pairs.get("previous"), pairs.get("updated")))
                        .as("no two changes replaced the same settings")
                        .isNull();
            }
            assertThat(replaced).hasSize(20);
            // a chain from the first settings through every change to those in force
            String at = new AdmissionSettings(1, 0, 0, false).toString();
            for (int i = 0; i < 20; i++) {
                at = replaced.get(at);
                assertThat(at).as("change %d of the chain", i + 1).isNotNull();
            }
            assertThat(at)
                    .contains("ratePerSecond="
                            + readSettings().get("ratePerSecond").asDouble());
        }
    }

    private WebTestClient.ResponseSpec putIfMatch(
            String ifMatch, double rate, int openBatch, int maxActive, boolean paused) {
        return web.put()
                .uri("/api/v1/admin/admission")
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("ratePerSecond", rate, "openBatch", openBatch, "maxActive", maxActive, "paused", paused))
                .exchange();
    }

    private String readEtag() {
        return web.get()
                .uri("/api/v1/admin/admission")
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    private JsonNode readSettings() {
        return opsRead("/api/v1/admin/admission");
    }

    private JsonNode stats() {
        return opsRead("/api/v1/admin/stats");
    }

    /** An admin GET with the ops token, answered 200. */
    private JsonNode opsRead(String path) {
        return web.get()
                .uri(path)
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * Found by a probe: a change made after a round's close rewrote that round's settings in the stats, so a round
     * that ran paused read as running and the one before as paused. A closed round keeps the settings it ran with; the
     * change holds from the next round on.
     */
    @Test
    void aChangeMadeAfterTheCloseLeavesTheClosedRoundsSettingsAsItRan() {
        settings(20, 0, 0, false);
        openRound();
        enter("ran_running");
        clock.set(roundOpen.plusSeconds(20)); // closed at +15 s; the next round opens at +60 s
        settings(7, 0, 0, true);

        JsonNode closed = statsOf(RoundId.startingAt(roundOpen).value());
        assertThat(closed.get("settings").get("paused").asBoolean()).isFalse();
        assertThat(closed.get("settings").get("ratePerSecond").asDouble()).isEqualTo(20.0);

        clock.set(roundOpen.plusSeconds(60));
        enter("ran_paused");
        JsonNode next = stats().get("current");
        assertThat(next.get("roundId").asString())
                .isEqualTo(RoundId.startingAt(roundOpen.plusSeconds(60)).value());
        assertThat(next.get("settings").get("paused").asBoolean()).isTrue();
        assertThat(next.get("settings").get("ratePerSecond").asDouble()).isEqualTo(7.0);
    }

    /** The stats of round {@code roundId}, current or recent. */
    private JsonNode statsOf(String roundId) {
        JsonNode stats = stats();
        List<JsonNode> rounds = new ArrayList<>();
        rounds.add(stats.get("current"));
        stats.get("recent").forEach(rounds::add);
        return rounds.stream()
                .filter(round ->
                        round != null && round.path("roundId").asString().equals(roundId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stats of round " + roundId + " in " + stats));
    }

    @Test
    void reportsStatsOfTheCurrentRound() {
        settings(0, 2, 0, false);
        openRound();
        enter("stats_human1");
        enter("stats_human2");
        web.post()
                .uri("/api/v1/queue")
                .header("X-Bot-Key", BOT_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "stats_bot"))
                .exchange()
                .expectStatus()
                .isCreated();
        advance(Duration.ofSeconds(1));

        JsonNode stats = stats();
        JsonNode current = stats.get("current");
        assertThat(current.get("entered").asLong()).isEqualTo(3);
        assertThat(current.get("admitted").asLong()).isEqualTo(2);
        assertThat(current.get("waiting").asLong()).isEqualTo(1);
        assertThat(current.get("active").asLong()).isEqualTo(2);
        assertThat(current.get("enteredBy").get("bots").asLong()).isEqualTo(1);
        assertThat(current.get("enteredBy").get("humans").asLong()).isEqualTo(2);
        assertThat(current.get("admittedBy").get("humans").asLong()).isEqualTo(2);
        assertThat(current.get("achievedRatePerSecond").asDouble()).isPositive();
        assertThat(stats.get("recent").isArray()).isTrue();
    }

    @Test
    void countsInTheMetricsWhomAStatsReadOrASettingsChangeAdmits(
            @Autowired ServingTicker ticker, @Autowired MeterRegistry meters) {
        settings(10, 0, 0, false);
        openRound();
        for (int i = 0; i < 20; i++) {
            enter(nick("counted", i));
        }
        ticker.stop(); // the reads and the change below are now the only advances
        try {
            long admittedBefore = stats().get("current").get("admitted").asLong();
            double countedBefore = admitted(meters);

            advance(Duration.ofSeconds(1));
            long afterRead = stats().get("current").get("admitted").asLong();
            assertThat(afterRead).as("a second at 10 per second").isGreaterThanOrEqualTo(admittedBefore + 10);
            assertThat(admitted(meters) - countedBefore).isEqualTo(afterRead - admittedBefore);

            advance(Duration.ofMillis(500));
            settings(20, 0, 0, false); // closes the half second run at 10 per second
            long afterChange = stats().get("current").get("admitted").asLong();
            assertThat(afterChange).isGreaterThanOrEqualTo(afterRead + 5);
            assertThat(admitted(meters) - countedBefore).isEqualTo(afterChange - admittedBefore);
        } finally {
            ticker.start();
        }
    }

    @Test
    void exposesTheQueueMetricsAndTheApiDescription() {
        settings(0, 1, 0, false);
        openRound();
        enter("metrics_player");
        advance(Duration.ofMillis(300));
        status(id(enter("metrics_player2")));
        String prometheus = prometheus(web);
        assertThat(prometheus)
                .contains("ticketing_queue_entered_total{bot=\"false\"")
                .contains("ticketing_queue_admitted_total")
                .contains("ticketing_queue_waiting");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String apiDocs = web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(apiDocs).contains("\"/api/v1/queue\"");
        assertThat(ApiDocuments.check("admission", apiDocs)).isEmpty();
    }
}
