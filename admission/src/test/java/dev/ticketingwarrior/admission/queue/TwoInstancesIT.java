package dev.ticketingwarrior.admission.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionApplication;
import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.TestClockConfiguration;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Two admission instances (two application contexts on their own ports) share one Redis and one clock; both tick
 * and both are polled concurrently while time passes. Together they admit exactly what one instance would.
 */
class TwoInstancesIT extends AdmissionIntegrationTest {

    private static ConfigurableApplicationContext second;

    @Autowired
    private MeterRegistry firstMeters;

    @Autowired
    private LiveSettings<AdmissionSettings> firstSettings;

    @LocalServerPort
    private int firstPort;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(AdmissionApplication.class, TestClockConfiguration.class)
                .profiles("it")
                .run(
                        "--spring.data.redis.url=" + STACK.redisUrl(),
                        "--server.port=0",
                        // re-reads the global settings only when a test asks, so it can be caught holding old ones
                        "--ticketing.admission.settings-refresh=1h");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesAdmitTheSameTotalAsOne() {
        settings(10, 0, 0, false);
        second.getBean(LiveSettings.class).refresh().block();
        firstSettings.refresh().block();
        WebClient a = client(firstPort);
        WebClient b =
                client(((WebServerApplicationContext) second).getWebServer().getPort());
        double admittedBefore = admitted(firstMeters) + admitted(second.getBean(MeterRegistry.class));

        openRound();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tickets.add(enter(i % 2 == 0 ? a : b, nick("pair", i)));
        }
        // 3 seconds in 100 ms steps, each step polled concurrently on both instances while both tickers run
        for (int step = 0; step < 30; step++) {
            advance(Duration.ofMillis(100));
            int probe = step * 2;
            Flux.merge(
                            status(a, tickets.get(probe)),
                            status(b, tickets.get(probe)),
                            status(a, tickets.get(probe + 1)),
                            status(b, tickets.get(probe + 1)))
                    .blockLast(Duration.ofSeconds(10));
        }

        long admitted = tickets.stream()
                .map(ticket -> status(ticket).get("status").asString())
                .filter("ADMITTED"::equals)
                .count();
        assertThat(admitted).isEqualTo(30);
        // each admission is counted once, by whichever instance made it. A ticker's advance is counted when its
        // reply reaches that instance, which may be just after a poll already saw the admission in Redis: wait for
        // the count to arrive, then give the tickers a few more ticks to show nothing is counted twice.
        MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (admitted(firstMeters) + admitted(secondMeters) - admittedBefore < 30 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        sleep(Duration.ofSeconds(1));
        double admittedAfter = admitted(firstMeters) + admitted(secondMeters);
        assertThat(admittedAfter - admittedBefore).isEqualTo(30.0);
    }

    @Test
    void aChangeJustBeforeTheOpenHoldsForTheRoundEvenWhereItWasNotReadYet() {
        settings(10, 0, 0, false);
        LiveSettings<?> secondSettings = second.getBean(LiveSettings.class);
        secondSettings.refresh().block();
        // ops pause through the first instance 5 s before the open; the second still holds "running at 10/s"
        settings(10, 0, 0, true);
        assertThat(((AdmissionSettings) secondSettings.get()).paused()).isFalse();
        WebClient b =
                client(((WebServerApplicationContext) second).getWebServer().getPort());

        openRound();
        String ticket = enter(b, nick("stale", 0)); // the round's first entry, on the instance that did not re-read
        advance(Duration.ofSeconds(2));

        assertThat(status(ticket).get("status").asString())
                .as("the round is paused on every instance, not seeded with the second's old settings")
                .isEqualTo("WAITING");
        assertThat(status(b, ticket).block(Duration.ofSeconds(10)).get("status").asString())
                .isEqualTo("WAITING");
    }

    @Test
    void perTicketLimitsHoldAcrossInstances() {
        WebClient a = client(firstPort);
        WebClient b =
                client(((WebServerApplicationContext) second).getWebServer().getPort());
        openRound();
        String ticket = enter(a, nick("limited", 0));

        // 30 status polls per ticket per 10 s: each instance allows half of it in memory, the rest is one budget in
        // Redis that both spend (LocalFirstBudgets): 15 + 15 + 15 across two instances, however the polls alternate
        int answered = 0;
        while (answered < 100 && statusCode(answered % 2 == 0 ? a : b, "/api/v1/queue/" + ticket) == 200) {
            answered++;
        }
        assertThat(answered).isEqualTo(45);
        assertThat(statusCode(a, "/api/v1/queue/" + ticket)).isEqualTo(429);
        assertThat(statusCode(b, "/api/v1/queue/" + ticket)).isEqualTo(429);

        // three open streams per ticket, wherever they are open
        String streamer = enter(b, nick("limited", 1));
        List<reactor.core.Disposable> open = new ArrayList<>();
        try {
            for (WebClient instance : List.of(a, b, a)) {
                open.add(instance.get()
                        .uri("/api/v1/queue/{id}/events", streamer)
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .retrieve()
                        .bodyToFlux(String.class)
                        .subscribe(event -> {}, error -> {}));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int code = 0;
            // the streams are open once their slots are taken; the fourth, on either instance, is refused
            while (code != 429 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(100));
                code = statusCode(b, "/api/v1/queue/" + streamer + "/events");
            }
            assertThat(code).isEqualTo(429);
        } finally {
            open.forEach(reactor.core.Disposable::dispose);
        }
    }

    private static int statusCode(WebClient client, String path) {
        return client.get()
                .uri(path)
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(10));
    }

    /** On the JDK's HttpClient, apart from the servers' Netty event loops (see AdmissionIntegrationTest#web). */
    private static WebClient client(int port) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new JdkClientHttpConnector(http))
                .build();
    }

    private static String enter(WebClient client, String nickname) {
        JsonNode body = client.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", nickname))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .block(Duration.ofSeconds(10));
        return body.get("ticketId").asString();
    }

    private static reactor.core.publisher.Mono<JsonNode> status(WebClient client, String ticket) {
        return client.get().uri("/api/v1/queue/{id}", ticket).retrieve().bodyToMono(JsonNode.class);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
