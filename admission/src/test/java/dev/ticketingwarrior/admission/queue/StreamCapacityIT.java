package dev.ticketingwarrior.admission.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionApplication;
import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.EventStreams;
import dev.ticketingwarrior.admission.EventStreams.Opened;
import dev.ticketingwarrior.admission.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * An instance past its stream capacity (three here) refuses new streams with 503 and Retry-After, and keeps answering
 * everything else: driven to twice its capacity, it still serves status polls and health, and a stream that ends frees
 * its place.
 */
class StreamCapacityIT {

    private static final Instant OPEN = Instant.parse("2031-05-05T05:05:00Z");

    private static ConfigurableApplicationContext app;
    private static WebTestClient web;
    private static int port;
    private static final List<Disposable> streams = new ArrayList<>();

    @BeforeAll
    static void startAnInstanceThatHoldsThreeStreams() {
        app = new SpringApplicationBuilder(AdmissionApplication.class, TestClockConfiguration.class)
                .profiles("it")
                .run(
                        "--spring.data.redis.url=" + AdmissionIntegrationTest.STACK.redisUrl(),
                        "--server.port=0",
                        "--ticketing.admission.max-streams=3");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        web = AdmissionIntegrationTest.testClient(port);
    }

    @AfterAll
    static void stop() {
        streams.forEach(Disposable::dispose);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void refusesStreamsPastItsCapacityAndKeepsAnsweringEverythingElse() throws InterruptedException {
        TestClockConfiguration.CLOCK.set(OPEN);
        AdmissionIntegrationTest.settings(web, 1, 0, 0, true);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tickets.add(enter("cap_" + i));
        }
        // a HEAD is answered as a GET would be, and holds nothing: no place of the instance's, no slot of the ticket's
        for (int i = 0; i < 3; i++) {
            for (int again = 0; again < 3; again++) {
                web.head()
                        .uri("/api/v1/queue/{id}/events", tickets.get(i))
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        }
        web.head()
                .uri("/api/v1/queue/{id}/events", "20310505T050500Z-AAAAAAAAAAAAAAAAAAAAAA")
                .exchange()
                .expectStatus()
                .isNotFound();
        for (int i = 0; i < 3; i++) {
            assertThat(open(tickets.get(i)).status()).isEqualTo(200);
        }
        assertThat(AdmissionIntegrationTest.prometheus(web))
                .as("the instance's live streams, as ops see them")
                .containsPattern("(?m)^ticketing_queue_streams(\\{[^}]*\\})? 3\\.0$");

        // twice the capacity asked for: the second half is refused, each a 503 the client can act on
        for (int i = 3; i < 6; i++) {
            web.get()
                    .uri("/api/v1/queue/{id}/events", tickets.get(i))
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://ticketing-warrior.dev/problems/service-unavailable");
        }
        // everything else is answered: the refused players poll instead
        JsonNode status = web.get()
                .uri("/api/v1/queue/{id}", tickets.get(5))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(status.get("status").asString()).isEqualTo("WAITING");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        // a stream that ends gives its place back (noticed at the next heartbeat write, each second in the it profile)
        streams.getFirst().dispose();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int code = 503;
        while (code != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            code = open(tickets.get(3)).status();
        }
        assertThat(code).isEqualTo(200);
    }

    private static Opened open(String ticket) {
        Opened opened = EventStreams.open(port, ticket, "192.0.2.1");
        streams.add(opened.stream());
        return opened;
    }

    private static String enter(String nickname) {
        return AdmissionIntegrationTest.id(AdmissionIntegrationTest.enter(web, nickname));
    }
}
