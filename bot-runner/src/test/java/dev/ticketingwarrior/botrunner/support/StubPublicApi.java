package dev.ticketingwarrior.botrunner.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for the admission service: every queue entry gets a 201 ticket, and every ticket's status is
 * CLOSED — on the event stream for even tickets, on the polled status for odd ones (their stream is a 404, so the
 * bot falls back to polling). It records each entry with its arrival time, nickname and bot key.
 */
public final class StubPublicApi implements AutoCloseable {

    private static final Pattern NICKNAME = Pattern.compile("\"nickname\"\\s*:\\s*\"([^\"]*)\"");

    /** One queue entry as the stub saw it. */
    public record EntrySeen(Instant at, String nickname, String botKey) {}

    private final HttpServer server;
    private final Clock clock;
    private final AtomicLong tickets = new AtomicLong();
    private final List<EntrySeen> entries = new CopyOnWriteArrayList<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong streams = new AtomicLong();

    public StubPublicApi(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v1/queue", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<EntrySeen> entries() {
        return List.copyOf(entries);
    }

    public long polls() {
        return polls.get();
    }

    public long streams() {
        return streams.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/api/v1/queue")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher nickname = NICKNAME.matcher(body);
                entries.add(new EntrySeen(
                        clock.instant(),
                        nickname.find() ? nickname.group(1) : "",
                        exchange.getRequestHeaders().getFirst("X-Bot-Key")));
                long ticket = tickets.incrementAndGet();
                String roundId = dev.ticketingwarrior.shared.round.RoundId.startingAt(
                                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                        .value();
                send(
                        exchange,
                        201,
                        "application/json",
                        "{\"ticketId\":\"t" + ticket + "\",\"roundId\":\"" + roundId + "\",\"position\":" + ticket
                                + ",\"waiting\":" + ticket + "}");
            } else if (method.equals("GET") && path.equals("/api/v1/clock")) {
                // the bots' connections are opened with this before the open
                send(exchange, 200, "application/json", "{\"now\":\"" + clock.instant() + "\"}");
            } else if (method.equals("GET") && path.endsWith("/events")) {
                long ticket = ticketNumber(path.substring(0, path.length() - "/events".length()));
                if (ticket % 2 == 0) {
                    streams.incrementAndGet();
                    send(exchange, 200, "text/event-stream", "event:closed\ndata:" + closed(ticket) + "\n\n");
                } else {
                    send(
                            exchange,
                            404,
                            "application/problem+json",
                            "{\"type\":\"https://ticketing-warrior.dev/problems/unknown-ticket\",\"status\":404}");
                }
            } else if (method.equals("GET")) {
                polls.incrementAndGet();
                send(exchange, 200, "application/json", closed(ticketNumber(path)));
            } else {
                send(exchange, 405, "application/problem+json", "{\"status\":405}");
            }
        }
    }

    private static long ticketNumber(String path) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        return Long.parseLong(id.substring(1));
    }

    private static String closed(long ticket) {
        return "{\"ticketId\":\"t" + ticket + "\",\"roundId\":\"20310101T000000Z\",\"status\":\"CLOSED\","
                + "\"position\":1,\"ahead\":0,\"waiting\":0,\"ratePerSecond\":20.0}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
