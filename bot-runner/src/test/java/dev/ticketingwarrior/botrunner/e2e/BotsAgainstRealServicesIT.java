package dev.ticketingwarrior.botrunner.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ticketingwarrior.botrunner.fleet.domain.FleetScheduler;
import dev.ticketingwarrior.botrunner.support.BotRunnerInstance;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * One round of 150 NORMAL bots against the real admission and booking services (their executable jars, started as
 * child processes on free ports against the local stack's Redis, MariaDB and ElasticMQ), with a short round: period
 * 20 s, open 10 s. The bots must get admitted and book; every bot booking must be labelled a bot; none may be after
 * the close. The round tested is the next whole round after a warm-up round of the same bots.
 *
 * <p>It needs {@code ../admission/target/admission-*.jar} and {@code ../booking/target/booking-*.jar}: build them
 * first ({@code ./mvnw -pl admission,booking -am package -DskipTests}, or the whole reactor once the parent lists
 * bot-runner after them). Without them it fails with that message rather than skipping silently.
 */
class BotsAgainstRealServicesIT {

    private static final Duration PERIOD = Duration.ofSeconds(20);
    private static final Duration OPEN_FOR = Duration.ofSeconds(10);
    private static final int BOTS = 150;
    private static final String OPS_TOKEN = "e2e-ops-token";
    private static final String BOT_KEY = "e2e-bot-key";

    private static final Logger log = LoggerFactory.getLogger(BotsAgainstRealServicesIT.class);
    private static final RoundClock ROUNDS = new RoundClock(Clock.systemUTC(), PERIOD, OPEN_FOR);

    private static ServiceProcess admission;
    private static ServiceProcess booking;
    private static BotRunnerInstance bots;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Optional<Path> admissionJar = ServiceProcess.executableJar("admission");
        Optional<Path> bookingJar = ServiceProcess.executableJar("booking");
        if (admissionJar.isEmpty() || bookingJar.isEmpty()) {
            fail("BotsAgainstRealServicesIT needs the executable jars of admission and booking, found admission="
                    + admissionJar.map(Path::toString).orElse("none") + ", booking="
                    + bookingJar.map(Path::toString).orElse("none")
                    + ". Build them first: ./mvnw -pl admission,booking -am package -DskipTests");
        }
        LocalStack stack = LocalStack.shared(Component.REDIS, Component.MYSQL, Component.SQS);
        int admissionPort = freePort();
        int bookingPort = freePort();
        Path work = Path.of("target", "e2e", UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();

        Map<String, String> environment = new HashMap<>();
        environment.put("REDIS_URL", stack.redisUrl());
        environment.put("MYSQL_URL", stack.mysqlJdbcUrl());
        environment.put("MYSQL_USER", stack.mysqlUser());
        environment.put("MYSQL_PASSWORD", stack.mysqlPassword());
        environment.put("SQS_ENDPOINT", stack.sqsEndpoint());
        environment.put("AWS_REGION", LocalStack.REGION);
        environment.put("AWS_ACCESS_KEY_ID", LocalStack.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", LocalStack.SECRET_KEY);
        environment.put("TICKETING_ROUND_PERIOD", PERIOD.toSeconds() + "s");
        environment.put("TICKETING_ROUND_OPEN_FOR", OPEN_FOR.toSeconds() + "s");
        environment.put("TICKETING_OPS_TOKEN", OPS_TOKEN);
        environment.put("TICKETING_BOT_KEY", BOT_KEY);
        environment.put(
                "TICKETING_TOKEN_KEYS_FILE", work.resolve("token-keys.json").toString());
        environment.put("ADMISSION_PORT", Integer.toString(admissionPort));
        environment.put("BOOKING_PORT", Integer.toString(bookingPort));
        environment.put("TICKETING_JWKS_URL", "http://127.0.0.1:" + admissionPort + "/.well-known/jwks.json");
        // admit the whole field within the first seconds: this test is about the bots' booking, not the queue
        environment.put("ADMISSION_RATE_PER_SECOND", "100");
        environment.put("BOTS_ENABLED", "false");
        // a busy build machine can take longer than booking's 2 s to hand out the first database connection
        environment.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "10000");

        admission = ServiceProcess.start("admission", admissionJar.get(), admissionPort, environment, work);
        booking = ServiceProcess.start("booking", bookingJar.get(), bookingPort, environment, work);
        // the bot-runner starts in this JVM while the two services start in theirs; it plays nothing until enabled
        bots = BotRunnerInstance.start(
                "e2e-" + UUID.randomUUID(),
                Map.of(
                        "ticketing.round.period",
                        PERIOD.toSeconds() + "s",
                        "ticketing.round.open-for",
                        OPEN_FOR.toSeconds() + "s",
                        "ticketing.bot-key",
                        BOT_KEY,
                        "ticketing.ops-token",
                        OPS_TOKEN,
                        "ticketing.bots.per-round",
                        Integer.toString(BOTS),
                        "ticketing.bots.difficulty",
                        "NORMAL",
                        "ticketing.bots.cancel-probability",
                        "0.05",
                        "ticketing.http.admission-url",
                        admission.baseUrl(),
                        "ticketing.http.booking-url",
                        booking.baseUrl(),
                        // each lost bot's reason in the log, for when this test tells a story
                        "logging.level.dev.ticketingwarrior.botrunner.control.domain.FleetTelemetry",
                        "debug"));
        admission.awaitReady(Duration.ofSeconds(150));
        booking.awaitReady(Duration.ofSeconds(150));
        admission.warmUp("/api/v1/clock", "/.well-known/jwks.json", "/api/v1/queue/unknown");
        booking.presentUnknownToken();
        booking.warmUp("/api/v1/rounds/" + ROUNDS.current().id() + "/results", "/api/v1/leaderboard");
    }

    @AfterAll
    static void stopTheSystem() {
        // always, whatever happened above: no service process outlives the test
        if (bots != null) {
            bots.close();
        }
        if (booking != null) {
            booking.close();
        }
        if (admission != null) {
            admission.close();
        }
    }

    @Test
    void botsGetAdmittedAndBookWithinTheRoundAndAreLabelledBots() throws InterruptedException {
        // A whole round of bots warms every path first: a service that just started meets its first burst of queue
        // entries, event streams, token signing, seat locks, SQS sends and MySQL writes with cold code (and, on a
        // loaded 2-core machine, its Redis calls time out while the JIT compiles), so the round it proves things
        // about is the next whole round after that. The bots are switched on after the round before the warm-up
        // closed, and off after the tested round closed.
        Round warmUp = ROUNDS.nextAfter(Instant.now().plusSeconds(4));
        Round round = ROUNDS.nextAfter(warmUp.opensAt());
        sleepUntil(warmUp.opensAt().minusSeconds(3));
        switchBots(true);
        sleepUntil(warmUp.closesAt().plusSeconds(1));
        log.info("warm-up round {}: bot stats {}", warmUp.id(), botStats(warmUp));
        sleepUntil(round.closesAt().plusSeconds(1));
        switchBots(false);
        // no bot acts after the close: every bot of the round was cut off at the close at the latest
        assertThat(bots.bean(FleetScheduler.class).running())
                .as("bots still running a second after the close")
                .isZero();

        JsonNode stats = finishedStats(round);
        log.info("round {}: bot stats {}", round.id(), stats);
        assertThat(stats.get("launched").asLong()).as("launched").isEqualTo(BOTS);
        assertThat(stats.get("admitted").asLong()).as("admitted").isPositive();
        long booked = stats.get("booked").asLong();
        assertThat(booked).as("booked").isLessThanOrEqualTo(100);
        assertThat(stats.get("booked").asLong()
                        + stats.get("lost").asLong()
                        + stats.get("cancelled").asLong()
                        + stats.get("errors").asLong())
                .as("every launched bot ended one way or another by the close: " + stats)
                .isEqualTo(BOTS);

        // the confirmations go through SQS to MySQL: wait until booking has them all
        JsonNode results = resultsOnceConfirmed(round, booked);
        log.info("round {}: booking results {}", round.id(), results);
        // no human plays here: every booking of the round must be labelled bot. There may be a few more than the
        // bots counted as booked: a booking the server accepted just before the close, whose answer the bot never
        // saw because the close cut it off (it counts as lost)
        assertThat(results.at("/humans/count").asLong())
                .as("bookings labelled human: " + results)
                .isZero();
        // the bots booked: booking holds bookings of bots in this round (a bot's own count may miss one accepted just
        // before the close, whose answer the close cut off — on a busy machine those can be most of them)
        assertThat(results.at("/bots/count").asLong())
                .as("bookings labelled bot: " + results)
                .isPositive()
                .isEqualTo(results.at("/seats/sold").asLong())
                .isBetween(booked, booked + stats.get("lost").asLong());
        for (JsonNode bucket : results.at("/histogram/buckets")) {
            if (bucket.get("bots").asLong() > 0) {
                assertThat(bucket.get("fromMs").asLong())
                        .as("no bot booking after the close: " + bucket)
                        .isLessThan(OPEN_FOR.toMillis());
            }
        }
        assertThat(results.at("/bots/bestMs").asLong()).isPositive().isLessThan(OPEN_FOR.toMillis());
    }

    /**
     * The round's statistics once every launched bot's outcome is counted: outcomes are written to Redis without
     * waiting, so on a busy machine the last ones may land a moment after the close. At most 10 s.
     */
    private static JsonNode finishedStats(Round round) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonNode stats = botStats(round);
        while (ended(stats) < stats.get("launched").asLong() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            stats = botStats(round);
        }
        return stats;
    }

    private static long ended(JsonNode stats) {
        return stats.get("booked").asLong()
                + stats.get("lost").asLong()
                + stats.get("cancelled").asLong()
                + stats.get("errors").asLong();
    }

    private static void switchBots(boolean enabled) {
        bots.web()
                .put()
                .uri("/api/v1/bots")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue("{\"enabled\":" + enabled + "}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static JsonNode botStats(Round round) {
        JsonNode body = bots.web()
                .get()
                .uri("/api/v1/bots/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        for (JsonNode stats : body.get("rounds")) {
            if (stats.get("roundId").asString().equals(round.id().value())) {
                return stats;
            }
        }
        throw new AssertionError("no bot stats for " + round.id() + ": " + body);
    }

    private static JsonNode resultsOnceConfirmed(Round round, long booked) throws InterruptedException {
        WebTestClient web = WebTestClient.bindToServer()
                .baseUrl(booking.baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode results;
        do {
            results = web.get()
                    .uri("/api/v1/rounds/{roundId}/results", round.id().value())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            // at least one: the bots' own count may be 0 with bookings still on their way through SQS
            if (results.at("/bots/count").asLong() + results.at("/humans/count").asLong() >= Math.max(1, booked)) {
                return results;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return results;
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), instant);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
