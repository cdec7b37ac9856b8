package dev.ticketingwarrior.admission.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenVerifier;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QueueEventsIT extends AdmissionIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() {};

    @Test
    void streamsPositionThenAdmittedWithATokenThatVerifiesAgainstTheJwks() {
        settings(1, 0, 0, false);
        openRound();
        enter("sse_first");
        String ticket = id(enter("sse_second"));

        Flux<ServerSentEvent<String>> events = stream(ticket).filter(QueueEventsIT::isNews);

        AtomicReference<String> token = new AtomicReference<>();
        StepVerifier.create(events)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("position");
                    assertThat(data(event).get("position").asLong()).isEqualTo(2);
                })
                .then(() -> clock.advance(Duration.ofSeconds(1)))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("position");
                    assertThat(data(event).get("position").asLong()).isEqualTo(1);
                })
                .then(() -> clock.advance(Duration.ofSeconds(1)))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("admitted");
                    JsonNode admitted = data(event);
                    assertThat(admitted.get("status").asString()).isEqualTo("ADMITTED");
                    token.set(admitted.get("token").asString());
                })
                .expectComplete()
                .verify(Duration.ofSeconds(15));

        AdmissionClaims claims = verify(token.get());
        assertThat(claims.ticketId()).isEqualTo(ticket);
        assertThat(claims.queueNumber()).isEqualTo(2);
    }

    @Test
    void endsWithClosedWhenTheRoundClosesFirst() {
        settings(0, 0, 0, false);
        openRound();
        String ticket = id(enter("sse_closed"));

        Flux<ServerSentEvent<String>> events = stream(ticket).filter(QueueEventsIT::isNews);

        StepVerifier.create(events)
                .assertNext(event -> assertThat(event.event()).isEqualTo("position"))
                .then(() -> clock.set(roundOpen.plusSeconds(16)))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("closed");
                    assertThat(data(event).has("token")).isFalse();
                })
                .expectComplete()
                .verify(Duration.ofSeconds(15));
    }

    @Test
    void keepsAQuietStreamBeatingWithItsStandingAgain() {
        settings(5, 0, 0, true);
        openRound();
        String ticket = id(enter("sse_quiet"));

        // the it profile beats each second; a paused round has no news for the waiting player, and a browser sees
        // the named heartbeat (it would not see a comment line) so it can tell a quiet stream from a dead one
        Flux<ServerSentEvent<String>> events = stream(ticket);

        StepVerifier.create(events)
                .assertNext(event -> assertThat(event.event()).isEqualTo("position"))
                .assertNext(event -> isHeartbeatAt(event, 1))
                .assertNext(event -> isHeartbeatAt(event, 1))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void answersAnOddStreamRequestThroughTheControllerWithTheSameEvents() {
        settings(5, 0, 0, true);
        openRound();
        enter("sse_ahead");
        String ticket = id(enter("sse_odd"));

        // the plain request is served by Reactor Netty's own route, anything else by the controller (EventStreamRoute)
        ServerSentEvent<String> plain = stream(ticket).blockFirst(Duration.ofSeconds(5));
        ServerSentEvent<String> odd = oddStream(ticket).blockFirst(Duration.ofSeconds(5));

        assertThat(plain).isNotNull();
        assertThat(odd).isNotNull();
        assertThat(odd.event()).isEqualTo(plain.event()).isEqualTo("position");
        assertThat(data(odd)).isEqualTo(data(plain));
        assertThat(data(plain).get("position").asLong()).isEqualTo(2);
    }

    @Test
    void answersAnUnknownTicketWithTheSameProblemOnEitherPath() {
        String unknown = "20310101T000000Z-1-0123456789abcdef01234567";
        byte[] plain = web.get()
                .uri("/api/v1/queue/{id}/events", unknown)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/unknown-ticket")
                .returnResult()
                .getResponseBody();
        byte[] odd = web.get()
                .uri("/api/v1/queue/{id}/events?from=test", unknown)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(JSON.readTree(odd)).isEqualTo(JSON.readTree(plain));
    }

    /** Accept with two media ranges: not the plain request EventStreamRoute takes, so the controller answers. */
    private Flux<ServerSentEvent<String>> oddStream(String ticket) {
        return web.get()
                .uri("/api/v1/queue/{id}/events", ticket)
                .header("Accept", "text/event-stream, */*;q=0.1")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(EVENT)
                .getResponseBody();
    }

    private Flux<ServerSentEvent<String>> stream(String ticket) {
        return web.get()
                .uri("/api/v1/queue/{id}/events", ticket)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(EVENT)
                .getResponseBody();
    }

    /** What a stream says that is new: not the heartbeat a quiet stream repeats its standing in. */
    private static boolean isNews(ServerSentEvent<String> event) {
        return event.event() != null && !event.event().equals("heartbeat");
    }

    private static void isHeartbeatAt(ServerSentEvent<String> event, long position) {
        assertThat(event.event()).isEqualTo("heartbeat");
        assertThat(data(event).get("status").asText()).isEqualTo("WAITING");
        assertThat(data(event).get("position").asLong()).isEqualTo(position);
    }

    private static JsonNode data(ServerSentEvent<String> event) {
        return JSON.readTree(event.data());
    }

    private AdmissionClaims verify(String token) {
        String jwks = web.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        // any standard verifier with only the published JWKS must accept it
        return new AdmissionTokenVerifier(
                        TokenKeys.fromJwkSetJson(jwks), TokenDefaults.ISSUER, clock, Duration.ofSeconds(5))
                .verify(token);
    }
}
