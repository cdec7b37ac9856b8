package dev.ticketingwarrior.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integration tests: the real application on a random port against the real local Redis, with time from
 * {@link TestClockConfiguration#CLOCK}. Every test starts in a round of its own, far in the future, so no two tests
 * share keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ActiveProfiles("it")
@ExtendWith(ThreadDumpOnTimeout.class)
public abstract class AdmissionIntegrationTest {

    /** As in application-it.yml. */
    public static final String OPS_TOKEN = "it-ops-token";

    public static final String BOT_KEY = "it-bot-key";

    public static final LocalStack STACK = LocalStack.shared(Component.REDIS);

    /** Rounds handed out to tests: one minute apart, starting at a random minute of a far-future year. */
    private static final AtomicLong NEXT_ROUND =
            new AtomicLong(Instant.parse("2031-01-01T00:00:00Z").getEpochSecond() / 60
                    + ThreadLocalRandom.current().nextLong(400_000));

    @LocalServerPort
    private int serverPort;

    /**
     * A client on the JDK's HttpClient, apart from the server's Netty event loops. The requests that once went
     * unanswered here (with this client and with Reactor Netty's) were the server's doing: Reactor Netty 1.3.6 stopped
     * reading a keep-alive connection after a certain order of answers (see KeepAliveIT and admission/pom.xml).
     */
    protected WebTestClient web;

    protected final SteppedClock clock = TestClockConfiguration.CLOCK;

    /** The open instant of this test's round. */
    protected Instant roundOpen;

    @DynamicPropertySource
    static void localStack(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", STACK::redisUrl);
    }

    @BeforeEach
    void freshRound() {
        web = testClient(serverPort);
        // a pause first, so whatever the previous test left running does not touch the new round
        settings(0, 0, 0, true);
        roundOpen = Instant.ofEpochSecond(NEXT_ROUND.getAndIncrement() * 60);
        clock.set(roundOpen.minusSeconds(5));
    }

    /** A test client of the server on {@code port} (see {@link #web}). */
    public static WebTestClient testClient(int port) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return WebTestClient.bindToServer(new JdkClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    protected void openRound() {
        clock.set(roundOpen);
    }

    protected void advance(Duration duration) {
        clock.advance(duration);
    }

    protected JsonNode settings(double rate, int openBatch, int maxActive, boolean paused) {
        return settings(web, rate, openBatch, maxActive, paused);
    }

    /** Puts the admission settings through the ops API of the instance {@code web} talks to. */
    public static JsonNode settings(WebTestClient web, double rate, int openBatch, int maxActive, boolean paused) {
        return web.put()
                .uri("/api/v1/admin/admission")
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("ratePerSecond", rate, "openBatch", openBatch, "maxActive", maxActive, "paused", paused))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    protected JsonNode enter(String nickname) {
        return enter(web, nickname);
    }

    /** Enters {@code nickname} at the instance {@code web} talks to (201 checked). */
    public static JsonNode enter(WebTestClient web, String nickname) {
        return web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", nickname))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    protected JsonNode status(String ticketId) {
        return web.get()
                .uri("/api/v1/queue/{id}", ticketId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** The Prometheus scrape of the instance {@code web} talks to (200 checked; it is larger than the default 256 KiB). */
    public static String prometheus(WebTestClient web) {
        return web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** How many admissions the instance of {@code meters} counted in {@code ticketing.queue.admitted}. */
    public static double admitted(MeterRegistry meters) {
        var counter = meters.find("ticketing.queue.admitted").counter();
        return counter == null ? 0 : counter.count();
    }

    public static String id(JsonNode ticket) {
        String id = ticket.get("ticketId").asString();
        assertThat(id).isNotBlank();
        return id;
    }

    /** A unique nickname for this run (nicknames are per round anyway). */
    protected static String nick(String prefix, int i) {
        return prefix + "_" + i;
    }

    protected static StringRedisTemplate redis() {
        return RedisHolder.template(STACK.redisUrl());
    }
}
