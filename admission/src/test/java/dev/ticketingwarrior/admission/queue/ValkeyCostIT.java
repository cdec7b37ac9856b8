package dev.ticketingwarrior.admission.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionApplication;
import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.TestClockConfiguration;
import dev.ticketingwarrior.admission.queue.domain.ServingTicker;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.localstack.LocalStackSettings;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What the waiting room costs Valkey (issue 20): nothing for a waiting player's status polls at the web app's pace,
 * one script call for an entry, its per-client limit included; and an admitted ticket's status writes nothing.
 * Counted with {@code INFO commandstats} on a Redis of this test's own, which only this instance uses; its ticker is
 * stepped by hand and its settings are read once (the test's changes go through the admin API, which stores them where
 * this instance reads them), so no background call blurs the count.
 */
class ValkeyCostIT {

    private static final Instant OPEN = Instant.parse("2031-04-04T04:04:00Z");

    private static LocalStack stack;
    private static ConfigurableApplicationContext app;
    private static WebTestClient web;
    private static RedisClient redis;
    private static StatefulRedisConnection<String, String> counting;

    @BeforeAll
    static void startAnInstanceOnItsOwnRedis() {
        Path data = Path.of(
                "target",
                "local-stack",
                "valkey-cost-" + ProcessHandle.current().pid());
        stack = LocalStack.start(LocalStackSettings.forTests(data.toAbsolutePath(), Map.of()), Component.REDIS);
        app = new SpringApplicationBuilder(AdmissionApplication.class, TestClockConfiguration.class)
                .profiles("it")
                .run(
                        "--spring.data.redis.url=" + stack.redisUrl(),
                        "--server.port=0",
                        "--ticketing.admission.tick=1h",
                        "--ticketing.admission.settings-refresh=1h");
        web = AdmissionIntegrationTest.testClient(
                ((WebServerApplicationContext) app).getWebServer().getPort());
        redis = RedisClient.create(stack.redisUrl());
        counting = redis.connect();
    }

    @AfterAll
    static void stop() {
        if (counting != null) {
            counting.close();
            redis.shutdown();
        }
        if (app != null) {
            app.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aWaitingPlayerPollingAtTheWebAppsPaceCostsValkeyNothing() {
        TestClockConfiguration.CLOCK.set(OPEN);
        AdmissionIntegrationTest.settings(web, 1, 0, 0, false);
        String ticket = null;
        for (int i = 1; i <= 5; i++) {
            ticket = enter("cost_" + i);
        }
        TestClockConfiguration.CLOCK.set(OPEN.plusMillis(2_500)); // two admitted, the fifth waits third in line
        app.getBean(ServingTicker.class).tickOnce().block();
        long before = commands();

        // ten seconds of a player whose stream broke, polling once a second: the ticket's number and seal, the
        // instance's snapshot of the round and the poll budgets' local allowance (15 of 30) answer each poll
        for (int i = 0; i < 10; i++) {
            JsonNode status = poll(ticket);
            assertThat(status.get("status").asString()).isEqualTo("WAITING");
            assertThat(status.get("position").asLong()).isEqualTo(3);
        }
        assertThat(commands() - before).as("Valkey commands for 10 polls").isZero();

        // a ticket polled past the allowance is counted in Valkey (and the count above would have seen it)
        for (int i = 0; i < 10; i++) {
            poll(ticket);
        }
        assertThat(commands() - before).as("Valkey commands for 10 more polls").isPositive();
    }

    @Test
    void anEntryIsOneScriptCallLimitIncluded() {
        TestClockConfiguration.CLOCK.set(OPEN.plusSeconds(60));
        long before = scriptCalls();

        for (int i = 1; i <= 5; i++) {
            enter("one_trip_" + i);
        }

        // EVALSHA (or EVAL once, to load the script): the per-client limit is counted inside the entry's script
        assertThat(scriptCalls() - before).isEqualTo(5);
    }

    @Test
    void anAdmittedTicketsStatusAdmitsNobodyBetweenTicks() {
        Instant opens = OPEN.plusSeconds(120);
        TestClockConfiguration.CLOCK.set(opens);
        AdmissionIntegrationTest.settings(web, 1, 0, 0, false);
        String first = enter("between_1");
        String second = enter("between_2");
        TestClockConfiguration.CLOCK.set(opens.plusMillis(1_500)); // the tick admits the first
        app.getBean(ServingTicker.class).tickOnce().block();
        assertThat(poll(first).get("status").asString()).isEqualTo("ADMITTED");

        // the counter has reached the second by now, but only a tick (or the second's own status) admits it: an
        // admitted ticket's answer (its stream's last event, its player's polls) must not admit players between
        // ticks, whose streams would then hear of it a tick late
        TestClockConfiguration.CLOCK.set(opens.plusMillis(2_500));
        assertThat(poll(first).get("status").asString()).isEqualTo("ADMITTED");
        RoundId round = RoundId.startingAt(opens);
        assertThat(counting.sync().hget(SharedRoundKeys.admissions(round), "2")).isNull();

        assertThat(poll(second).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(counting.sync().hget(SharedRoundKeys.admissions(round), "2"))
                .isEqualTo(String.valueOf(opens.plusMillis(2_500).toEpochMilli()));
    }

    private static String enter(String nickname) {
        return AdmissionIntegrationTest.id(AdmissionIntegrationTest.enter(web, nickname));
    }

    private static JsonNode poll(String ticket) {
        return web.get()
                .uri("/api/v1/queue/{id}", ticket)
                .header("X-Forwarded-For", "198.51.100.7")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** The scripts the server ran ({@code EVALSHA} and {@code EVAL}). */
    private static long scriptCalls() {
        return count(line -> line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:"));
    }

    /** Every command the server ran, but the INFO calls that read the count. */
    private static long commands() {
        return count(line -> line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:"));
    }

    private static long count(Predicate<String> counted) {
        long total = 0;
        for (String line : counting.sync().info("commandstats").split("\r?\n")) {
            if (counted.test(line)) {
                int from = line.indexOf("calls=") + "calls=".length();
                total += Long.parseLong(line.substring(from, line.indexOf(',', from)));
            }
        }
        return total;
    }
}
