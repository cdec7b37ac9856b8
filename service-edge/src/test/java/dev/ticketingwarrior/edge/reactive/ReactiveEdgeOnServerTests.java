package dev.ticketingwarrior.edge.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketingwarrior.edge.problem.ProblemType;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebFlux edge on a Reactor Netty server with the annotated-controller stack a service runs (and
 * {@link NettyEdgeCustomizer} below it): what the in-memory chain of {@link ReactiveEdgeTests} cannot show (Netty's
 * shared buffers, a connection the client closes, a body Netty cannot decode).
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveEdgeOnServerTests {

    private static final int LIMIT = 16 * 1024;

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    /** How long the log must stay clean after the exchange for the test to believe nothing more is coming. */
    private static final Duration QUIET = Duration.ofMillis(500);

    /** Counted down when the server is done with a request, its error handling included. */
    private final CountDownLatch handled = new CountDownLatch(1);

    private AnnotationConfigApplicationContext context;

    private DisposableServer server;

    @BeforeEach
    void start() {
        context = new AnnotationConfigApplicationContext(Edge.class);
        HttpHandler edge = WebHttpHandlerBuilder.applicationContext(context).build();
        HttpHandler counted =
                (request, response) -> edge.handle(request, response).doFinally(signal -> handled.countDown());
        HttpServer http = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(counted));
        server = new NettyEdgeCustomizer(DEADLINE, JsonMapper.builder().build())
                .apply(http)
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
        context.close();
    }

    /** Sent as curl sends a file: one chunk, which Netty hands on in slices of one socket buffer. */
    @Test
    void aChunkedBodyCutOffAtTheLimitReleasesEachBufferOnce(CapturedOutput output) throws IOException {
        String json = "{\"x\":\"" + "a".repeat(20_000) + "\"}";
        String answer = exchange("PUT /json HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
        // Netty releases its socket buffer when the connection closes
        await("no IllegalReferenceCountException logged")
                .during(QUIET)
                .atMost(QUIET.multipliedBy(4))
                .until(() -> !output.getAll().contains("IllegalReferenceCountException"));
    }

    /** Reactor Netty answers a body it cannot decode itself, while the controller is reading it. */
    @Test
    void aChunkedBodyNettyCannotDecodeIsA400ProblemAndNoServerError(CapturedOutput output)
            throws IOException, InterruptedException {
        String answer = exchange("PUT /json HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{\"\r\nzz\r\n}\r\n0\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains(ProblemType.INVALID_REQUEST.uri().toString());
        assertThat(handled.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        await("no server error logged")
                .during(QUIET)
                .atMost(QUIET.multipliedBy(4))
                .until(() -> !output.getAll().contains("500 Server Error")
                        && !output.getAll().contains("Status and headers already sent"));
    }

    @Test
    void aClientThatLeavesWhileSendingItsBodyIsNotAnsweredWithA500(CapturedOutput output)
            throws IOException, InterruptedException {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(("PUT /json HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 100\r\n\r\n{\"x\":")
                            .getBytes(StandardCharsets.UTF_8));
            // the server has begun reading the body when the client goes
            Thread.sleep(QUIET);
        }

        assertThat(handled.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(output).doesNotContain("500 Server Error").doesNotContain("unexpected error");
    }

    private String exchange(String request) throws IOException {
        return ServerSocketExchange.exchange(server.port(), request);
    }

    private Socket connect() throws IOException {
        return ServerSocketExchange.connect(server.port());
    }

    /** The edge as {@link ReactiveEdgeAutoConfiguration} wires it, around one controller. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class Edge {

        @Bean
        ProblemWriter problemWriter() {
            return new ProblemWriter(JsonMapper.builder().build());
        }

        @Bean
        @Order(-2)
        LastResortProblemHandler lastResortProblemHandler(ProblemWriter writer) {
            return new LastResortProblemHandler(writer);
        }

        @Bean
        RequestDeadlineFilter requestDeadlineFilter(ProblemWriter writer) {
            return new RequestDeadlineFilter(DEADLINE, writer);
        }

        @Bean
        BodySizeLimitFilter bodySizeLimitFilter(ProblemWriter writer) {
            return new BodySizeLimitFilter(LIMIT, writer);
        }

        @Bean
        ProblemAdvice problemAdvice() {
            return new ProblemAdvice();
        }

        @Bean
        Settings settings() {
            return new Settings();
        }
    }

    @RestController
    static class Settings {

        @PutMapping(value = "/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, Object>> replace(@RequestBody Mono<Map<String, Object>> body) {
            return body;
        }
    }
}
