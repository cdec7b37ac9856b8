package dev.ticketingwarrior.edge.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.problem.ProblemType;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link NettyEdgeCustomizer} on a Reactor Netty server with Spring's adapter in front of a small handler: the answers
 * Reactor Netty writes itself, and the request head's deadline, over a plain socket.
 */
class NettyEdgeOnServerTests {

    private static final Duration HEAD_DEADLINE = Duration.ofMillis(600);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DisposableServer server;

    /** Counted down as /slow's request reaches the handler: the server has read it. */
    private final CountDownLatch slowArrived = new CountDownLatch(1);

    @BeforeEach
    void start() {
        HttpServer http = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(4096).maxHeaderSize(8192))
                .handle(new ReactorHttpHandlerAdapter(handler()));
        server = new NettyEdgeCustomizer(HEAD_DEADLINE, JSON).apply(http).bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void aRequestHeadNettyCannotDecodeIsA400Problem() throws IOException {
        for (String header :
                new String[] {"Content-Length: abc", "Content-Length: 1\r\nContent-Length: 2", "Transfer-Encoding: gzip"
                }) {
            String answer = exchange("POST /echo HTTP/1.1\r\nHost: edge\r\n" + header + "\r\n\r\n");

            assertProblem(answer, 400, ProblemType.INVALID_REQUEST);
            assertThat(answer).containsIgnoringCase("connection: close");
        }
    }

    @Test
    void aVersionMethodOrHostNoServiceServesIsA400Problem() throws IOException {
        for (String head : new String[] {
            "GET /echo HTTP/1.2\r\nHost: edge\r\n",
            "GET /echo HTTP/3.0\r\nHost: edge\r\n",
            "CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n",
            "GET /echo HTTP/1.1\r\n",
            "GET /echo HTTP/1.1\r\nHost: edge\r\nHost: other\r\n"
        }) {
            String answer = exchange(head + "Connection: close\r\n\r\n");

            assertThat(answer).as(head).startsWith("HTTP/1.1 400");
            assertProblem(answer, 400, ProblemType.INVALID_REQUEST);
        }
        // HTTP/1.0 has no Host requirement
        assertThat(exchange("GET /echo HTTP/1.0\r\n\r\n"))
                .startsWith("HTTP/1.0 200")
                .endsWith("read 0");
    }

    @Test
    void aTargetWithABrokenEscapeIsA400Problem() throws IOException {
        String answer = exchange("GET /echo?a=%zz HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400, ProblemType.INVALID_REQUEST);
    }

    @Test
    void aRequestLineOrHeaderSectionOverTheLimitIsA414Or431Problem() throws IOException {
        assertProblem(
                exchange("GET /" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: edge\r\n\r\n"),
                414,
                ProblemType.INVALID_REQUEST);
        assertProblem(
                exchange("GET /echo HTTP/1.1\r\nHost: edge\r\nX-Junk: " + "a".repeat(10_000) + "\r\n\r\n"),
                431,
                ProblemType.INVALID_REQUEST);
    }

    @Test
    void anErrorTheHandlerAnsweredWithoutABodyGetsTheProblemOfItsStatus() throws IOException {
        assertProblem(
                exchange("GET /bare-404 HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n"),
                404,
                ProblemType.NOT_FOUND);
    }

    @Test
    void aBareErrorKeepsTheHeadersItHad() throws IOException {
        String answer = exchange("GET /bare-503 HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 503, ProblemType.SERVICE_UNAVAILABLE);
        assertThat(answer).containsIgnoringCase("retry-after: 7");
    }

    @Test
    void answersWithABodyOrAContentTypeGoOutAsWritten() throws IOException {
        String problem = exchange("GET /own-problem HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
        assertThat(problem).startsWith("HTTP/1.1 409").endsWith("{\"own\":true}");

        String untyped = exchange("GET /untyped HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
        assertThat(untyped)
                .startsWith("HTTP/1.1 409")
                .doesNotContainIgnoringCase("content-type")
                .endsWith("plain");

        String typedEmpty = exchange("GET /typed-empty HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
        assertThat(typedEmpty)
                .startsWith("HTTP/1.1 409")
                .containsIgnoringCase("content-type: text/plain")
                .endsWith("\r\n\r\n");

        String ok = exchange("GET /echo HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
        assertThat(ok).startsWith("HTTP/1.1 200").endsWith("read 0");
    }

    @Test
    void aRequestHeadNotCompleteWithinTheDeadlineIsA408ProblemAndTheConnectionCloses()
            throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            socket.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: ed".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(HEAD_DEADLINE.toMillis() / 3);
            socket.getOutputStream().write("ge\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));

            String answer = ServerSocketExchange.read(socket.getInputStream());

            assertProblem(answer, 408, ProblemType.REQUEST_TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(HEAD_DEADLINE)
                    .isLessThan(HEAD_DEADLINE.multipliedBy(5));
            assertThat(socket.getInputStream().read())
                    .as("closed after the 408")
                    .isEqualTo(-1);
        }
    }

    /** bot-runner opens its connections ahead of a round; they wait idle until it opens. */
    @Test
    void aConnectionThatHasSaidNothingYetIsLeftOpen() throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            Thread.sleep(HEAD_DEADLINE.multipliedBy(2));
            assertEchoes(socket, "GET /echo HTTP/1.1\r\nHost: edge\r\n\r\n", 0);
        }
    }

    @Test
    void aSlowBodyAndTheWaitBetweenKeptAliveRequestsAreNotTheHeadDeadlines() throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write("POST /echo HTTP/1.1\r\nHost: edge\r\nContent-Length: 4\r\n\r\nab"
                            .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(HEAD_DEADLINE.multipliedBy(2));
            assertEchoes(socket, "cd", 4);

            Thread.sleep(HEAD_DEADLINE.multipliedBy(2));
            assertEchoes(socket, "GET /echo HTTP/1.1\r\nHost: edge\r\n\r\n", 0);
        }
    }

    @Test
    void aPipelinedHeadNotCompleteBehindASlowAnswerIsA408AfterThatAnswer() throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write("GET /slow HTTP/1.1\r\nHost: edge\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // not a sleep: a loaded machine could take both writes in one read, and the deadline is then left to the
            // idle timeout (RequestHeadDeadline)
            assertThat(slowArrived.await(10, TimeUnit.SECONDS)).isTrue();
            socket.getOutputStream().write("GET /echo HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));

            assertThat(ServerSocketExchange.read(socket.getInputStream()))
                    .startsWith("HTTP/1.1 200")
                    .endsWith("slow");
            assertProblem(ServerSocketExchange.read(socket.getInputStream()), 408, ProblemType.REQUEST_TIMEOUT);
        }
    }

    /** Sends {@code bytes} on {@code socket}, which completes a request to {@code /echo} of {@code read} body bytes. */
    private static void assertEchoes(Socket socket, String bytes, int read) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
        assertThat(ServerSocketExchange.read(socket.getInputStream()))
                .startsWith("HTTP/1.1 200")
                .endsWith("read " + read);
    }

    private static void assertProblem(String answer, int status, ProblemType type) {
        assertThat(answer)
                .startsWith("HTTP/1.1 " + status)
                .containsIgnoringCase("content-type: application/problem+json");
        JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).isEqualTo(type.uri().toString());
        assertThat(body.path("detail").asString()).isNotBlank();
    }

    /**
     * {@code /echo} reads the body and says how much, {@code /slow} answers after two head deadlines; the rest are
     * errors: without a body or a content type ({@code /bare-404}, {@code /bare-503}), with one of them, with both.
     */
    private HttpHandler handler() {
        return (request, response) -> switch (request.getPath().value()) {
            case "/echo" ->
                DataBufferUtils.join(request.getBody())
                        .map(buffer -> {
                            int read = buffer.readableByteCount();
                            DataBufferUtils.release(buffer);
                            return read;
                        })
                        .defaultIfEmpty(0)
                        .flatMap(read -> text(response, HttpStatus.OK, MediaType.TEXT_PLAIN, "read " + read));
            case "/slow" ->
                Mono.fromRunnable(slowArrived::countDown)
                        .then(Mono.delay(HEAD_DEADLINE.multipliedBy(2)))
                        .then(text(response, HttpStatus.OK, MediaType.TEXT_PLAIN, "slow"));
            case "/bare-503" -> {
                response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                response.getHeaders().set("Retry-After", "7");
                yield response.setComplete();
            }
            case "/untyped" ->
                response.writeWith(Mono.just(response.bufferFactory().wrap("plain".getBytes(StandardCharsets.UTF_8))))
                        .doFirst(() -> response.setStatusCode(HttpStatus.CONFLICT));
            case "/typed-empty" -> {
                response.setStatusCode(HttpStatus.CONFLICT);
                response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
                yield response.setComplete();
            }
            case "/own-problem" ->
                text(response, HttpStatus.CONFLICT, MediaType.APPLICATION_PROBLEM_JSON, "{\"own\":true}");
            default -> {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                yield response.setComplete();
            }
        };
    }

    private static Mono<Void> text(ServerHttpResponse response, HttpStatus status, MediaType type, String text) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private String exchange(String request) throws IOException {
        return ServerSocketExchange.exchange(server.port(), request);
    }

    private Socket connect() throws IOException {
        return ServerSocketExchange.connect(server.port());
    }
}
