package dev.ticketingwarrior.booking.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the real local SQS endpoint that forwards every call at once but answers the first
 * {@code slowSends} {@code SendMessageBatch} calls only after {@code delay}: the queue has those messages, the sender
 * just hears so too late. Or ({@link #failingAfterForwarding}) answers the first sends with a 500 after forwarding them:
 * the queue has the messages, the sender hears of a failure.
 */
public final class SlowQueueProxy implements AutoCloseable {

    // java.net.http sets these itself and refuses them as user headers; hop-by-hop ones are not forwarded back either
    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "date");

    private final URI target;
    private final Duration delay;
    private final AtomicInteger slowLeft;
    private final AtomicInteger failLeft = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().executor(threads).build();
    private final HttpServer server;

    public SlowQueueProxy(String target, int slowSends, Duration delay) throws IOException {
        this.target = URI.create(target);
        this.delay = delay;
        this.slowLeft = new AtomicInteger(slowSends);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Forwards every call; the first {@code failures} SendMessageBatch calls are then answered 500 InternalError. */
    public static SlowQueueProxy failingAfterForwarding(String target, int failures) throws IOException {
        SlowQueueProxy proxy = new SlowQueueProxy(target, 0, Duration.ZERO);
        proxy.failLeft.set(failures);
        return proxy;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many SendMessageBatch calls went through to the queue. */
    public int sends() {
        return sends.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (operation != null && operation.endsWith(".SendMessageBatch")) {
                sends.incrementAndGet();
                if (slowLeft.getAndDecrement() > 0) {
                    Thread.sleep(delay);
                }
                if (failLeft.getAndDecrement() > 0) {
                    byte[] error = "{\"__type\":\"InternalError\",\"message\":\"the proxy says so\"}".getBytes();
                    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                    exchange.sendResponseHeaders(500, error.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(error);
                    }
                    return;
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
        threads.shutdownNow();
    }
}
