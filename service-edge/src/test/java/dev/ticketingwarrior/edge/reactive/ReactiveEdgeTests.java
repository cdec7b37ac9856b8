package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.shared.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The WebFlux edge on a real handler chain: problem bodies, their headers, the body-size limit both ways. */
class ReactiveEdgeTests {

    private static final int LIMIT = 64;

    private final WebTestClient web = WebTestClient.bindToController(new Endpoints())
            .controllerAdvice(new ProblemAdvice())
            .webFilter(new BodySizeLimitFilter(
                    LIMIT, new ProblemWriter(JsonMapper.builder().build())))
            .build();

    @Test
    void aProblemKeepsItsTypeAndTheRequestPathAsInstance() {
        web.get()
                .uri("/refused")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(ProblemType.SEAT_TAKEN.uri().toString())
                .jsonPath("$.instance")
                .isEqualTo("/refused")
                .jsonPath("$.seatId")
                .isEqualTo("A-1");
    }

    @Test
    void aDependencyThatDoesNotAnswerIs503WithRetryAfterAndItsName() {
        web.get()
                .uri("/down")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "3")
                .expectBody()
                .jsonPath("$.dependency")
                .isEqualTo("waiting room store");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413AndClosesTheConnection() {
        web.post()
                .uri("/echo")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x".repeat(LIMIT + 1))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .valueEquals(HttpHeaders.CONNECTION, "close")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() {
        Flux<DataBuffer> chunks = Flux.range(0, 4)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        "y".repeat(LIMIT / 2).getBytes(StandardCharsets.UTF_8)));
        web.post()
                .uri("/echo")
                .contentType(MediaType.TEXT_PLAIN)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void aBodyWithinTheLimitPasses() {
        web.post()
                .uri("/echo")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("hello");
    }

    @RestController
    static class Endpoints {

        @GetMapping("/refused")
        Mono<String> refused() {
            return Mono.error(ProblemException.of(ProblemType.SEAT_TAKEN, "seat A-1 is sold", "seatId", "A-1"));
        }

        @GetMapping("/down")
        Mono<String> down() {
            return Mono.error(new DependencyUnavailableException(
                    "waiting room store", Duration.ofSeconds(3), new IllegalStateException("timeout")));
        }

        @PostMapping("/echo")
        Mono<String> echo(@RequestBody String body) {
            return Mono.just(body);
        }
    }
}
