package dev.ticketingwarrior.edge.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends probes to one service and judges every answer: a 4xx, as {@code application/problem+json} whose
 * {@code status} is the HTTP status (unless the HTTP server refused the request itself, see {@link Probe.Expect}),
 * within the client timeout. Counts the inputs per endpoint, prints a table and writes it to
 * {@code target/bad-input/<service>.json}.
 *
 * <p>Each probe comes from an address of its own ({@code X-Forwarded-For} from loopback, which the services trust in
 * tests as they trust the load balancer in production), so per-address limits count each probe once and a 429 is
 * the exception, not what hides every other answer. Probes that set {@code X-Forwarded-For} themselves keep theirs.
 */
public final class BadInputRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String service;
    private final int port;
    private final long seed;
    private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private long slowestMillis;
    private final long started = System.nanoTime();

    public BadInputRun(String service, int port, long seed) {
        this.service = service;
        this.port = port;
        this.seed = seed;
    }

    /** Registers an endpoint so it shows in the table even before (or without) its first probe. */
    public void endpoint(String endpoint) {
        statuses.computeIfAbsent(endpoint, e -> new TreeMap<>());
    }

    public void sendAll(List<Probe> probes) {
        probes.forEach(this::send);
    }

    /**
     * Sends every probe, prints the table, and holds what every sweep holds: no bad answer (the table says which), at
     * most one answer in 50 a 429 (a per-client limit must not hide the answers it is a sweep of), and the service
     * healthy after it.
     */
    public void sweep(List<Probe> probes) {
        sendAll(probes);
        String table = report();
        assertThat(failures()).as(table).isEmpty();
        assertThat(answered(429)).as("answers hidden behind a per-client limit").isLessThan(total() / 50);
        assertThat(healthy("/actuator/health")).as("healthy after the sweep").isTrue();
    }

    public RawHttp.Answer send(Probe probe) {
        sent++;
        String address = "198.18." + ((sent >> 8) & 0xFF) + "." + (sent & 0xFF);
        RawHttp.Answer answer = RawHttp.send(port, probe.toBytes(port, address), TIMEOUT);
        slowestMillis = Math.max(slowestMillis, answer.millis());
        statuses.computeIfAbsent(probe.endpoint(), e -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        String problem = judge(probe, answer);
        if (problem != null) {
            failures.add(probe.endpoint() + " <- " + probe.describe() + "\n      => " + problem);
        }
        return answer;
    }

    private static String judge(Probe probe, RawHttp.Answer answer) {
        if (answer.failure() != null) {
            return answer.failure();
        }
        if (answer.status() < 400 || answer.status() > 499) {
            return "status " + answer.status() + " " + answer.headers();
        }
        if (!probe.statuses().isEmpty() && !probe.statuses().contains(answer.status())) {
            return "status " + answer.status() + ", expected one of " + probe.statuses() + ": "
                    + Probe.abbreviate(answer.body(), 200);
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "status " + answer.status() + " with Content-Type " + type + ": "
                    + Probe.abbreviate(answer.body(), 200);
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (body.path("status").asInt() != answer.status()
                    || body.path("type").asString("").isEmpty()) {
                return "problem without the matching status or a type: " + Probe.abbreviate(answer.body(), 200);
            }
        } catch (RuntimeException e) {
            return "problem+json that is not JSON: " + Probe.abbreviate(answer.body(), 200);
        }
        return null;
    }

    /** Failures so far, one per bad answer, described with the input that got it. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    public int total() {
        return sent;
    }

    public int answered(int status) {
        return statuses.values().stream()
                .mapToInt(counts -> counts.getOrDefault(status, 0))
                .sum();
    }

    /** Whether the service still answers its health endpoint with 200 after the run. */
    public boolean healthy(String path) {
        RawHttp.Answer answer = RawHttp.send(
                port,
                ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                TIMEOUT);
        // 2xx is not read to the end by RawHttp; the status is what counts here
        return answer.status() == 200;
    }

    /** Prints the per-endpoint table and writes {@code target/bad-input/<service>.json}; returns the table. */
    public String report() {
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder table = new StringBuilder()
                .append(String.format("%nbad inputs against %s (seed %d):%n", service, seed))
                .append(String.format("  %-52s %7s  %s%n", "endpoint", "inputs", "answers"));
        ObjectNode json = JSON.createObjectNode()
                .put("service", service)
                .put("seed", seed)
                .put("inputs", sent)
                .put("endpoints", statuses.size())
                .put("answered5xx", answered5xx())
                .put("failures", failures.size())
                .put("slowestMillis", slowestMillis)
                .put("seconds", Math.round(seconds * 10) / 10.0);
        ObjectNode perEndpoint = json.putObject("perEndpoint");
        statuses.forEach((endpoint, counts) -> {
            int inputs = counts.values().stream().mapToInt(Integer::intValue).sum();
            table.append(String.format("  %-52s %7d  %s%n", endpoint, inputs, counts));
            ObjectNode node = perEndpoint.putObject(endpoint).put("inputs", inputs);
            ObjectNode byStatus = node.putObject("statuses");
            counts.forEach((status, n) -> byStatus.put(String.valueOf(status), n));
        });
        table.append(String.format(
                "  %-52s %7d  %d endpoints, %d answered 5xx, %d failures, slowest %d ms, %.1f s%n",
                "total", sent, statuses.size(), answered5xx(), failures.size(), slowestMillis, seconds));
        System.out.print(table);
        try {
            Path dir = Path.of("target", "bad-input");
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(service + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table.toString();
    }

    private int answered5xx() {
        return statuses.values().stream()
                .flatMap(counts -> counts.entrySet().stream())
                .filter(e -> e.getKey() >= 500)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
