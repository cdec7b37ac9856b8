package dev.ticketingwarrior.admission.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** Whatever a client sends, the answer is a 4xx problem, never a 5xx. */
class BadInputIT extends AdmissionIntegrationTest {

    private static final String PROBLEMS = "https://ticketing-warrior.dev/problems/";

    @LocalServerPort
    private int port;

    @BeforeEach
    void open() {
        openRound();
    }

    @Test
    void refusesMalformedOrMistypedEntryBodies() {
        for (String body : List.of(
                "{\"nickname\":",
                "not json",
                "{\"nickname\": 12345}",
                "{\"nickname\": true}",
                "{\"nickname\": [\"a\", \"b\"]}",
                "{\"nickname\": {\"x\": 1}}",
                "[]",
                "\"player\"",
                "{\"nickname\": \"typed_ok\", \"ticketId\": 12345}",
                "{\"nickname\": \"typed_ok\", \"ticketId\": [\"a\"]}",
                // a misspelled field is refused, not dropped (it would turn a resume into 409 nickname-taken)
                "{\"nickname\": \"typed_ok\", \"ticketID\": \"20310101T000000Z-1-000000000000000000000000\"}")) {
            expectProblem(post(body), 400, "invalid-request");
        }
    }

    @Test
    void refusesMissingOrInvalidNicknames() {
        for (String body : List.of(
                "{}",
                "{\"nickname\": null}",
                "{\"nickname\": \"\"}",
                "{\"nickname\": \"a\"}",
                "{\"nickname\": \"abcdefghijklmnopqrstu\"}",
                "{\"nickname\": \"ab\\u0000cd\"}",
                "{\"nickname\": \"ab\\ncd\"}",
                "{\"nickname\": \"ab\\u202Ecd\"}",
                "{\"nickname\": \"two words\"}",
                "{\"nickname\": \"<script>\"}",
                "{\"nickname\": \"\uD83D\uDE00\uD83D\uDE00\"}")) {
            expectProblem(post(body), 400, "invalid-nickname");
        }
    }

    @Test
    void acceptsTwentyHangulCharacters() {
        web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"nickname\": \"가나다라마바사아자차카타파하가나다라마바\"}")
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void refusesBodiesOverSixteenKilobytes() {
        String big = "{\"nickname\": \"" + "a".repeat(17 * 1024) + "\"}";
        expectProblem(post(big), 413, "payload-too-large");

        // the same without a Content-Length: the body is cut off while it is read
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap((i == 0 ? "{\"nickname\": \"" : "")
                        .concat("b".repeat(1024))
                        .getBytes(StandardCharsets.UTF_8)));
        expectProblem(
                web.post()
                        .uri("/api/v1/queue")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(BodyInserters.fromDataBuffers(chunks))
                        .exchange(),
                413,
                "payload-too-large");
    }

    @Test
    void refusesAFieldGivenTwiceOrAnEmptyStringForANumber() {
        // both once reached the settings as valid (found by BadInputSweepIT): the last "paused" won, "" read as null
        for (String body : List.of(
                "{\"ratePerSecond\":0,\"openBatch\":0,\"maxActive\":0,\"paused\":true,\"paused\":false}",
                "{\"nickname\":\"twice_a\",\"nickname\":\"twice_b\"}")) {
            boolean admin = body.contains("paused");
            expectProblem(
                    web.method(admin ? HttpMethod.PUT : HttpMethod.POST)
                            .uri(admin ? "/api/v1/admin/admission" : "/api/v1/queue")
                            .header("Authorization", "Bearer " + OPS_TOKEN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(body)
                            .exchange(),
                    400,
                    "invalid-request");
        }
        expectProblem(
                web.put()
                        .uri("/api/v1/admin/admission")
                        .header("Authorization", "Bearer " + OPS_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"ratePerSecond\":\"\",\"openBatch\":0,\"maxActive\":0,\"paused\":true}")
                        .exchange(),
                400,
                "invalid-request");
    }

    @Test
    void answersAMalformedAcceptHeaderWithAProblem() {
        // before: 406 with a problem+json content type and no body, the problem negotiated against the same header
        expectProblem(web.get().uri("/api/v1/clock").header("Accept", "garbage").exchange(), 406, "not-acceptable");
        // a well-formed Accept the API cannot answer: the same type
        expectProblem(
                web.get()
                        .uri("/api/v1/clock")
                        .header("Accept", "application/xml")
                        .exchange(),
                406,
                "not-acceptable");
    }

    @Test
    void refusesOtherMediaTypesAndMethods() {
        expectProblem(
                web.post()
                        .uri("/api/v1/queue")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("nickname=player")
                        .exchange(),
                415,
                "unsupported-media-type");
        expectProblem(web.post().uri("/api/v1/queue").exchange(), 415, "unsupported-media-type");
        expectProblem(
                web.post()
                        .uri("/api/v1/queue")
                        .contentType(MediaType.APPLICATION_JSON)
                        .exchange(),
                400,
                "invalid-request");
        expectProblem(web.method(HttpMethod.DELETE).uri("/api/v1/queue").exchange(), 405, "method-not-allowed");
        expectProblem(web.get().uri("/api/v1/nothing-here").exchange(), 404, "not-found");
    }

    @Test
    void answersUnknownTicketIdsOfAnyShapeWith404() {
        String longId = "x".repeat(8000);
        for (String id : List.of(
                "nope",
                "20310101T000000Z-1-0123456789abcdef01234567",
                "20310101T000007Z-1-0123456789abcdef01234567",
                "99999999T999999Z-1-0123456789abcdef01234567",
                "21000101T000000Z-1-0123456789abcdef01234567",
                "티켓번호",
                "%F0%9F%8E%AB",
                "' OR 1=1 --",
                longId)) {
            expectProblem(web.get().uri("/api/v1/queue/{id}", id).exchange(), 404, "unknown-ticket");
        }
    }

    @Test
    void neverAnswersStrangePathsWithA5xx() {
        for (String path : List.of(
                "/api/v1/queue/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/queue/%2e%2e/%2e%2e/admin",
                "/api/v1/queue/a%00b",
                "/api/v1/queue/a/b/c/d",
                "/api/v1/queue/%E2%80%AE/events")) {
            WebTestClient.ResponseSpec response =
                    web.get().uri(URI.create("http://localhost:" + port + path)).exchange();
            response.expectStatus().value(status -> assertThat(status).isBetween(400, 499));
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private WebTestClient.ResponseSpec post(String body) {
        return web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + slug)
                .jsonPath("$.status")
                .isEqualTo(status);
    }
}
