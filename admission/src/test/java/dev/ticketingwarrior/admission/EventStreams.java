package dev.ticketingwarrior.admission;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;

/**
 * Opens ticket event streams on Reactor Netty's client, each on a connection of its own: disposing one closes its
 * connection, which neither WebTestClient's recording of the body nor the JDK client does (and blocking on the answer
 * would wait for the whole stream).
 */
public final class EventStreams {

    private EventStreams() {}

    /** An answered stream request: its status, and the stream to dispose (which closes the connection). */
    public record Opened(int status, Disposable stream) {}

    /** Opens the event stream of {@code ticket} on the instance at {@code port}, as {@code client} (X-Forwarded-For). */
    public static Opened open(int port, String ticket, String client) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Disposable open = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .build()
                .get()
                .uri("/api/v1/queue/{id}/events", ticket)
                .header("X-Forwarded-For", client)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(response -> {
                    status.complete(response.statusCode().value());
                    return response.bodyToFlux(String.class);
                })
                .subscribe(event -> {}, status::completeExceptionally);
        return new Opened(status.orTimeout(10, TimeUnit.SECONDS).join(), open);
    }
}
