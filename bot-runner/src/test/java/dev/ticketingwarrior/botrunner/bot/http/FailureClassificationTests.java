package dev.ticketingwarrior.botrunner.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ticketingwarrior.botrunner.bot.domain.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * How a bot's failed call is counted when the service goes away under it, with real connections on loopback: a
 * service killed mid-request is the service's failure, never the runner's own.
 */
class FailureClassificationTests {

    private final WebClient client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create()))
            .build();

    @Test
    void aServiceThatResetsTheConnectionBeforeItAnswersClosedIt() throws IOException {
        assertThat(classifiedAgainst(true)).isEqualTo(Failure.CONNECTION_CLOSED);
    }

    @Test
    void aServiceThatClosesTheConnectionBeforeItAnswersClosedIt() throws IOException {
        assertThat(classifiedAgainst(false)).isEqualTo(Failure.CONNECTION_CLOSED);
    }

    @Test
    void aPortNobodyListensOnRefusedTheConnection() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThat(WebClientPlayerApi.classify(failureOf(port))).isEqualTo(Failure.CONNECT_REFUSED);
    }

    /** A server that reads the request and then drops the connection: with a reset (a killed process) or a close. */
    private Failure classifiedAgainst(boolean reset) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket connection = server.accept()) {
                    connection.getInputStream().read(new byte[4096]);
                    if (reset) {
                        connection.setSoLinger(true, 0);
                    }
                } catch (IOException e) {
                    // the test's call fails either way and says how
                }
            });
            return WebClientPlayerApi.classify(failureOf(server.getLocalPort()));
        }
    }

    private Throwable failureOf(int port) {
        Throwable failure = catchThrowable(() -> client.get()
                .uri("http://127.0.0.1:" + port + "/api/v1/seats")
                .retrieve()
                .toBodilessEntity()
                .block(Duration.ofSeconds(10)));
        assertThat(failure).isNotNull();
        return failure;
    }
}
