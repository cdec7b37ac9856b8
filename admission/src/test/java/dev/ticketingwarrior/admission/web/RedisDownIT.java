package dev.ticketingwarrior.admission.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionApplication;
import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.TestClockConfiguration;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.testing.LogLines;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With nothing listening where Redis should be, the service answers 503 problems with Retry-After, never hangs. */
class RedisDownIT {

    private static ConfigurableApplicationContext app;
    private static WebTestClient web;
    /** Bound but never listening, for the whole class: a closed listener's port could be taken by another process. */
    private static Socket nothingAccepts;

    @BeforeAll
    static void startWithoutRedis() throws Exception {
        nothingAccepts = new Socket();
        nothingAccepts.bind(new InetSocketAddress("127.0.0.1", 0));
        app = new SpringApplicationBuilder(AdmissionApplication.class, TestClockConfiguration.class)
                .profiles("it")
                .run("--spring.data.redis.url=redis://127.0.0.1:" + nothingAccepts.getLocalPort(), "--server.port=0");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        web = AdmissionIntegrationTest.testClient(port);
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (nothingAccepts != null) {
            nothingAccepts.close();
        }
    }

    @Test
    void answersEntryWith503AndRetryAfter() {
        TestClockConfiguration.CLOCK.set(Instant.parse("2031-03-03T03:03:01Z"));
        web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "no_redis"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "2")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/service-unavailable");
        web.get()
                .uri("/api/v1/queue/{id}", "20310303T030300Z-1-0123456789abcdef01234567")
                .exchange()
                .expectStatus()
                .isEqualTo(503);
    }

    @Test
    void logsAFloodOf503sAsOneLineNotOneEach() {
        TestClockConfiguration.CLOCK.set(Instant.parse("2031-03-03T03:03:01Z"));
        try (LogLines logged = LogLines.of(ProblemAnswer.class.getName())) {
            for (int i = 0; i < 30; i++) {
                web.get()
                        .uri("/api/v1/queue/{id}", "20310303T030300Z-1-0123456789abcdef01234567")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503);
            }
            // one line for the dependency every 10 s (none here if another test's 503 came within them)
            assertThat(logged.lines())
                    .as("WARN lines for 30 answers 503")
                    .hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(line -> assertThat(line.getFormattedMessage()).contains("unavailable on"));
        }
    }

    @Test
    void staysReadyAndAliveAndShowsRedisDownInItsHealth() {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        // readiness is the ALB's target health check, and ECS replaces a task failing it: a Redis every task shares
        // being down must not replace the whole fleet
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isEqualTo(503));
    }
}
