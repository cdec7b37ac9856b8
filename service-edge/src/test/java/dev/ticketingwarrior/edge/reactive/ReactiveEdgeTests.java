package dev.ticketingwarrior.edge.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebFlux edge on a real handler chain: problem bodies, their headers, the request deadline, the body-size limit
 * both ways.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveEdgeTests {

    private static final int LIMIT = 64;

    private static final Duration DEADLINE = Duration.ofSeconds(1);

    private static final ProblemWriter WRITER =
            new ProblemWriter(JsonMapper.builder().build());

    /**
     * The edge as a service has it, with a deadline that only the deadline tests may meet: the others must not turn into
     * a 503 when a starved machine takes longer than {@link #DEADLINE} to load and run their first request.
     */
    private final WebTestClient web = edgeWithDeadline(Duration.ofSeconds(8));

    private final WebTestClient deadlined = edgeWithDeadline(DEADLINE);

    private static WebTestClient edgeWithDeadline(Duration deadline) {
        return WebTestClient.bindToController(new Endpoints())
                .controllerAdvice(new ProblemAdvice())
                .webFilter(new RequestDeadlineFilter(deadline, WRITER), new BodySizeLimitFilter(LIMIT, WRITER))
                .configureClient()
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

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
    void aDependencyThatDoesNotAnswerIs503WithRetryAfterAndDoesNotNameIt() {
        String body = web.get()
                .uri("/down")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "3")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body)
                .contains("retry shortly")
                .doesNotContain("waiting room")
                .doesNotContain("dependency");
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

    @Test
    void aRequestNotAnsweredWithinTheDeadlineIs503WithRetryAfterAndIsLogged(CapturedOutput output) {
        deadlined
                .get()
                .uri("/stalled")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri().toString())
                .jsonPath("$.instance")
                .isEqualTo("/stalled");
        assertThat(output).contains("GET /stalled not answered within " + DEADLINE);
    }

    /**
     * On a real server: the in-memory chain of the other tests lets the request end as soon as the answer begins, a
     * Reactor Netty server only when its last byte is written.
     */
    @Test
    void anAnswerThatHasBegunIsLeftToFinishAfterTheDeadline() {
        HttpHandler slowLines = WebHttpHandlerBuilder.webHandler(ReactiveEdgeTests::linesUntilPastTheDeadline)
                .filter(new RequestDeadlineFilter(DEADLINE, WRITER))
                .build();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(slowLines))
                .bindNow();
        try {
            WebTestClient.bindToServer(new JdkClientHttpConnector())
                    .baseUrl("http://127.0.0.1:" + server.port())
                    .responseTimeout(Duration.ofSeconds(10))
                    .build()
                    .get()
                    .uri("/slow-lines")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body.lines()).hasSize(4));
        } finally {
            server.disposeNow();
        }
    }

    /**
     * Found by a fault drill: when Redis stopped answering, a queue's event stream already under way was handed to the
     * problem advice, whose answer could not go out (the status and headers were sent): an ERROR with a stack trace.
     * The stream ends after what it had sent, and a WARN line says why; the client reconnects.
     */
    @Test
    void aStreamWhoseStoreFailsAfterItBeganEndsAfterWhatItSent(CapturedOutput output) throws Exception {
        // on a real server with Spring's dispatcher: the in-memory client sees the stream's error itself
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Dispatched.class)) {
            DisposableServer server = HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .handle(new ReactorHttpHandlerAdapter(
                            WebHttpHandlerBuilder.applicationContext(context).build()))
                    .bindNow();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/failing-events"))
                                .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("data:first\n\n");
            } finally {
                server.disposeNow();
            }
        }
        assertThat(output).doesNotContain("ERROR").contains("/failing-events: ended after its events had begun");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import({Endpoints.class, ProblemAdvice.class})
    static class Dispatched {}

    @Test
    void anEventStreamOutlivesTheDeadlineEvenBeforeItsFirstEvent() {
        // once asked for by the client, once only chosen by the handler
        for (MediaType accept : List.of(MediaType.TEXT_EVENT_STREAM, MediaType.ALL)) {
            List<String> events = deadlined
                    .get()
                    .uri("/late-events")
                    .accept(accept)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody()
                    .collectList()
                    .block(Duration.ofSeconds(10));
            assertThat(events).containsExactly("first", "second");
        }
    }

    /** A line at once, then one every half deadline: an answer that begins in time and ends after the deadline. */
    private static Mono<Void> linesUntilPastTheDeadline(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().setContentType(MediaType.APPLICATION_NDJSON);
        Duration gap = DEADLINE.dividedBy(2);
        Flux<Long> lines =
                Flux.concat(Mono.just(0L), Flux.interval(gap, gap).take(3).map(i -> i + 1));
        return response.writeAndFlushWith(lines.map(i ->
                Mono.just(response.bufferFactory().wrap(("\"line-" + i + "\"\n").getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineIs408NotA5xx() {
        Flux<DataBuffer> slowBody = Flux.interval(DEADLINE.dividedBy(2))
                .take(5)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap("ab".getBytes(StandardCharsets.UTF_8)));
        deadlined
                .post()
                .uri("/echo")
                .contentType(MediaType.TEXT_PLAIN)
                // as a server sees a body of unknown length (the in-memory client does not say it)
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(slowBody, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(408)
                .expectHeader()
                .valueEquals(HttpHeaders.CONNECTION, "close")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(ProblemType.REQUEST_TIMEOUT.uri().toString());
    }

    /** As when the client closes its connection just at the deadline: the server can no longer write the answer. */
    @Test
    void anAnswerAtTheDeadlineThatCannotBeSentIsNotFollowedByA500(CapturedOutput output) {
        HttpHandler handler = WebHttpHandlerBuilder.webHandler(
                        exchange -> exchange.getRequest().getBody().then())
                .filter(new ConnectionClosedAtTheDeadline(), new RequestDeadlineFilter(DEADLINE, WRITER))
                .exceptionHandler(new LastResortProblemHandler(WRITER))
                .build();
        MockServerHttpRequest request = MockServerHttpRequest.post("/echo")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(Flux.never());
        MockServerHttpResponse response = new MockServerHttpResponse();

        handler.handle(request, response).block(Duration.ofSeconds(10));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
        assertThat(output).doesNotContain("500 Server Error").doesNotContain("unexpected error");
    }

    /**
     * The client closes its connection as the deadline passes: the body's error, raised on the connection's thread,
     * reaches the chain after the deadline has cancelled it.
     */
    @Test
    void aClientLeavingAsTheDeadlinePassesIsNotLoggedAsAnError(CapturedOutput output) throws InterruptedException {
        CountDownLatch signalled = new CountDownLatch(1);
        HttpHandler handler = WebHttpHandlerBuilder.webHandler(exchange -> goneJustAfterTheDeadline(signalled))
                .filter(new RequestDeadlineFilter(DEADLINE, WRITER))
                .exceptionHandler(new LastResortProblemHandler(WRITER))
                .build();

        handler.handle(MockServerHttpRequest.get("/stalled").build(), new MockServerHttpResponse())
                .block(Duration.ofSeconds(10));

        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output).doesNotContain("onErrorDropped").doesNotContain(" ERROR ");
    }

    @Test
    void aDependencyWhoseConnectionWasResetIsStillAnswered() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/down"));
        DependencyUnavailableException reset = new DependencyUnavailableException(
                "waiting room store", Duration.ofSeconds(3), new IOException("Connection reset by peer"));

        new LastResortProblemHandler(WRITER).handle(exchange, reset).block(Duration.ofSeconds(10));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(LastResortProblemHandler.clientWentAway(new AbortedException("Connection has been closed")))
                .isTrue();
    }

    /** Read as a client that went away, yet still there (a misreading): a 400 problem, never an empty 200. */
    @Test
    void aClientTakenForGoneIsStillAnsweredWithAProblem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/echo"));

        new LastResortProblemHandler(WRITER)
                .handle(exchange, new AbortedException("Connection has been closed"))
                .block(Duration.ofSeconds(10));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(10)))
                .contains(ProblemType.INVALID_REQUEST.uri().toString());
    }

    /** The handler is still busy with a body its client cut off: at the deadline that is the client's doing. */
    @Test
    void aBodyCutOffByItsClientIsNotCountedAsArrived() {
        HttpHandler handler = WebHttpHandlerBuilder.webHandler(
                        exchange -> exchange.getRequest().getBody().then().onErrorResume(cutOff -> Mono.never()))
                .filter(new RequestDeadlineFilter(DEADLINE, WRITER))
                .build();
        MockServerHttpRequest request = MockServerHttpRequest.post("/echo")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(Flux.error(new AbortedException("Connection has been closed")));
        MockServerHttpResponse response = new MockServerHttpResponse();

        handler.handle(request, response).block(Duration.ofSeconds(10));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
    }

    /** Like Reactor Netty's request body when its connection closes: the error comes even after a cancel. */
    private static Mono<Void> goneJustAfterTheDeadline(CountDownLatch signalled) {
        return Mono.from(subscriber -> {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            Schedulers.parallel()
                    .schedule(
                            () -> {
                                subscriber.onError(new AbortedException("Connection has been closed"));
                                signalled.countDown();
                            },
                            DEADLINE.toMillis() + 100,
                            TimeUnit.MILLISECONDS);
        });
    }

    /** Writing fails as on Reactor Netty once the connection is gone; the status is still recorded. */
    private static final class ConnectionClosedAtTheDeadline implements WebFilter, Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ServerHttpResponse closed = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    return Mono.error(new IllegalStateException("Status and headers already sent"));
                }
            };
            return chain.filter(exchange.mutate().response(closed).build());
        }
    }

    @Test
    void aMalformedAcceptIsStillAnsweredWithoutA5xx() {
        web.get()
                .uri("/late-events")
                .header(HttpHeaders.ACCEPT, "text/event-stream;;; ===")
                .exchange()
                .expectStatus()
                .is4xxClientError();
    }

    @RestController
    static class Endpoints {

        @GetMapping("/stalled")
        Mono<String> stalled() {
            return Mono.never();
        }

        /** The first event comes only after the deadline. */
        @GetMapping(value = "/late-events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<String> lateEvents() {
            return Flux.interval(DEADLINE.multipliedBy(2)).take(2).map(i -> i == 0 ? "first" : "second");
        }

        /** A stream whose store fails after its first event, as the queue's events when Redis stops answering. */
        @GetMapping(value = "/failing-events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<String> failingEvents() {
            return Flux.concat(
                    Flux.just("first"),
                    Mono.<String>error(new DependencyUnavailableException(
                                    "waiting room store", new IllegalStateException("timeout")))
                            .delaySubscription(Duration.ofMillis(100)));
        }

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
