package dev.ticketingwarrior.perf.faults;

import com.sun.net.httpserver.HttpExchange;
import dev.ticketingwarrior.perf.audit.AuditConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A load balancer on loopback in front of the instances of one service, for the {@code rolling-deploy} drill: each new
 * connection goes to the next instance of a {@link Rotation} (readiness-checked, drainable), through a
 * {@link LatencyProxy} that adds no delay. It balances connections, not requests (a network load balancer, where the
 * ALB balances each request): a kept-alive connection stays with its instance until the instance closes it.
 *
 * <p>{@code java … Balancer --listen PORT --control PORT [--name NAME] [--check PATH] [--interval 1s]
 * [--slow-start 30s] --target NAME=HOST:PORT…}.
 * The control port answers {@code GET /targets} (one line a target) and takes {@code PUT /targets/NAME} with
 * {@code HOST:PORT} (register), {@code POST /targets/NAME/drain} and {@code DELETE /targets/NAME}. Each change of a
 * target's health is a line of its output ({@link TargetHealthLog}).
 */
public final class Balancer {

    private Balancer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int listen = -1;
        int control = -1;
        String name = "balancer";
        String check = "/actuator/health/readiness";
        Duration interval = Duration.ofSeconds(1);
        Duration slowStart = Duration.ZERO;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--listen" -> listen = Integer.parseInt(args[i + 1]);
                case "--control" -> control = Integer.parseInt(args[i + 1]);
                case "--name" -> name = args[i + 1];
                case "--check" -> check = args[i + 1];
                case "--interval" -> interval = AuditConfig.parsePeriod(args[i + 1]);
                case "--slow-start" -> slowStart = AuditConfig.parsePeriod(args[i + 1]);
                case "--target" -> targets.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (listen < 0 || control < 0 || targets.isEmpty()) {
            System.err.println("usage: Balancer --listen PORT --control PORT [--name NAME] [--check PATH]"
                    + " [--interval 1s] [--slow-start 30s] --target NAME=HOST:PORT…");
            System.exit(2);
        }
        String balancer = name;
        Rotation rotation = Rotation.start(
                new Rotation.Settings(check, interval, slowStart),
                change -> System.out.println(TargetHealthLog.line(balancer, Instant.now(), change)));
        for (String target : targets) {
            String[] named = target.split("=", 2);
            rotation.register(named[0], LatencyProxy.address(named[1]));
        }
        LatencyProxy proxy = LatencyProxy.start(listen, rotation);
        LatencyProxy.serveControl(control, "/targets", exchange -> control(rotation, exchange), proxy, rotation);
        System.out.printf(
                "balancer: READY 127.0.0.1:%d -> %s (control :%d, slow start %d s)%n",
                proxy.port(), String.join(" ", targets), control, slowStart.toSeconds());
        Thread.currentThread().join();
    }

    private static void control(Rotation rotation, HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "targets", NAME, ["drain"]
            String name = parts.length > 2 ? parts[2] : null;
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("GET") && name == null) {
                    LatencyProxy.reply(exchange, 200, rotation.describe().strip());
                    return;
                }
                if (name == null) {
                    LatencyProxy.reply(
                            exchange, 405, "GET /targets, PUT|DELETE /targets/NAME, POST /targets/NAME/drain");
                    return;
                }
                boolean drain = parts.length == 4 && parts[3].equals("drain");
                if (method.equals("POST") && drain) {
                    rotation.drain(name);
                } else if (method.equals("PUT") && parts.length == 3) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
                    rotation.register(name, LatencyProxy.address(body));
                } else if (method.equals("DELETE") && parts.length == 3) {
                    rotation.deregister(name);
                } else {
                    LatencyProxy.reply(exchange, 405, "PUT|DELETE /targets/NAME, POST /targets/NAME/drain");
                    return;
                }
            } catch (IllegalArgumentException e) {
                LatencyProxy.reply(exchange, e.getMessage().startsWith("no target") ? 404 : 400, e.getMessage());
                return;
            }
            System.out.printf(
                    "balancer: %s %s %s%n%s", Instant.now(), method, exchange.getRequestURI(), rotation.describe());
            LatencyProxy.reply(exchange, 200, rotation.describe().strip());
        }
    }
}
