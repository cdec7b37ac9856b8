package dev.ticketingwarrior.botrunner.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/** Against a real local HTTP server that counts the connections it accepts and the requests it answers. */
class ConnectionWarmUpTests {

    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final ConnectionProvider pool = ConnectionProvider.builder("warm-up-test")
            .maxConnections(500)
            .pendingAcquireMaxCount(5000)
            .build();
    private DisposableServer server;

    @AfterEach
    void stop() {
        pool.dispose();
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void opensOneIdleConnectionPerPlayerWithoutARequestAndTheCallsThenUseThem() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnChannelInit((observer, channel, remote) -> accepted.incrementAndGet())
                .route(routes -> routes.get("/api/v1/clock", (request, response) -> {
                    requests.incrementAndGet();
                    return response.sendString(Mono.just("{}"));
                }))
                .bindNow();
        HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + server.port());
        ConnectionWarmUp warmUp = warmUp(client, "http://127.0.0.1:" + server.port());

        ConnectionWarmUp.Result result =
                warmUp.open(200, Clock.systemUTC().instant().plusSeconds(10)).block(Duration.ofSeconds(15));

        assertThat(result.ready()).isEqualTo(200);
        assertThat(result.failedAttempts()).isZero();
        await(() -> accepted.get() == 200);
        assertThat(requests.get()).isZero();

        // 200 calls at once: each finds an idle connection, none opens a new one
        Flux.range(0, 200)
                .flatMap(
                        i -> client.get()
                                .uri("/api/v1/clock")
                                .responseContent()
                                .aggregate()
                                .asString(),
                        200)
                .blockLast(Duration.ofSeconds(15));
        assertThat(requests.get()).isEqualTo(200);
        assertThat(accepted.get()).isEqualTo(200);
    }

    @Test
    void givesUpAtTheDeadlineWhenNothingAccepts() throws Exception {
        // a port bound but never listening: connections are refused, and nothing else can take it meanwhile
        try (Socket nothingAccepts = new Socket()) {
            nothingAccepts.bind(new InetSocketAddress("127.0.0.1", 0));
            String url = "http://127.0.0.1:" + nothingAccepts.getLocalPort();
            ConnectionWarmUp warmUp = warmUp(HttpClient.create(pool).baseUrl(url), url);

            long started = System.nanoTime();
            ConnectionWarmUp.Result result = warmUp.open(
                            50, Clock.systemUTC().instant().plusMillis(1500))
                    .block(Duration.ofSeconds(10));

            assertThat(result.ready()).isZero();
            // refused connects are tried again until the deadline
            assertThat(result.failedAttempts()).isGreaterThan(50);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofMillis(1300), Duration.ofSeconds(5));
        }
    }

    private static ConnectionWarmUp warmUp(HttpClient client, String url) {
        return new ConnectionWarmUp(client, url, Clock.systemUTC(), 16, Duration.ofMillis(100), Schedulers.parallel());
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
