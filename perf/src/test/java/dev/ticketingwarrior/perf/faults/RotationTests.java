package dev.ticketingwarrior.perf.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP servers on loopback (each answers its name and a readiness status) behind a balancing proxy. */
class RotationTests {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final List<Instance> instances = new ArrayList<>();
    private final List<Rotation.HealthChange> changes = new CopyOnWriteArrayList<>();
    private Rotation rotation;
    private LatencyProxy balancer;

    @BeforeEach
    void startTwoInstancesBehindTheBalancer() throws IOException {
        rotation = Rotation.start(new Rotation.Settings("/ready", INTERVAL, Duration.ZERO), changes::add);
        for (String name : List.of("one", "two")) {
            Instance instance = new Instance(name);
            instances.add(instance);
            rotation.register(name, instance.address());
        }
        balancer = LatencyProxy.start(0, rotation);
    }

    @AfterEach
    void stop() {
        balancer.close();
        rotation.close();
        instances.forEach(Instance::stop);
    }

    @Test
    void newConnectionsTakeTurnsAmongTheInstances() throws IOException {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(who());
        }
        assertThat(answers).containsExactly("one", "two", "one", "two", "one", "two");
        assertThat(rotation.describe().lines())
                .containsExactly(
                        "one 127.0.0.1:" + instances.get(0).port() + " in-service, 3 connections",
                        "two 127.0.0.1:" + instances.get(1).port() + " in-service, 3 connections");
    }

    @Test
    void aDrainedInstanceTakesNoNewConnectionsButKeepsTheOneItHas() throws IOException {
        try (Socket kept = connect()) {
            String keptBy = ask(kept);
            rotation.drain(keptBy);
            for (int i = 0; i < 4; i++) {
                assertThat(who()).isNotEqualTo(keptBy);
            }
            assertThat(ask(kept)).as("the connection it had goes on").isEqualTo(keptBy);
        }
        assertThat(rotation.describe()).contains(" draining");
    }

    @Test
    void aDrainedInstanceThatStopsIsToldOutOfServiceWhileDraining() {
        rotation.drain("one");
        instances.get(0).ready = false;
        String one = "127.0.0.1:" + instances.get(0).port();
        await(() -> !changes.isEmpty());
        assertThat(changes).containsExactly(new Rotation.HealthChange("one", one, false, true));
    }

    @Test
    void anInstanceThatIsNotReadyLeavesTheRotationAndComesBackWhenItIs() throws IOException {
        instances.get(0).ready = false;
        await(() ->
                rotation.describe().contains("one 127.0.0.1:" + instances.get(0).port() + " out-of-service"));
        for (int i = 0; i < 4; i++) {
            assertThat(who()).isEqualTo("two");
        }
        instances.get(0).ready = true;
        await(() ->
                rotation.describe().contains("one 127.0.0.1:" + instances.get(0).port() + " in-service"));
        assertThat(List.of(who(), who())).containsExactlyInAnyOrder("one", "two");
        String one = "127.0.0.1:" + instances.get(0).port();
        assertThat(changes)
                .as("each change of health is told once, the health it was registered with is not")
                .containsExactly(
                        new Rotation.HealthChange("one", one, false, false),
                        new Rotation.HealthChange("one", one, true, false));
    }

    @Test
    void aConnectionToAnInstanceThatIsDownGoesToTheNextBeforeAnyCheckNoticed() throws IOException {
        instances.get(0).stop();
        for (int i = 0; i < 4; i++) {
            assertThat(who()).isEqualTo("two");
        }
    }

    @Test
    void withNoInstanceReadyTheRegisteredOnesStillTakeConnections() throws IOException {
        instances.forEach(instance -> instance.ready = false);
        await(() -> !rotation.describe().contains("in-service"));
        assertThat(List.of(who(), who())).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void aReplacementRegisteredUnderANewNameTakesConnectionsOnceTheOldOneIsGone() throws IOException {
        Instance replacement = new Instance("three");
        instances.add(replacement);
        rotation.register("three", replacement.address());
        rotation.drain("one");
        rotation.deregister("one");
        assertThat(List.of(who(), who(), who(), who()))
                .containsOnly("two", "three")
                .contains("three");
        assertThat(rotation.describe()).doesNotContain("one ");
    }

    @Test
    void aTargetJoiningAGroupInServiceRampsUpOverItsSlowStart() throws IOException {
        try (Rotation slow =
                        Rotation.start(new Rotation.Settings("/ready", INTERVAL, Duration.ofSeconds(2)), change -> {});
                LatencyProxy proxy = LatencyProxy.start(0, slow)) {
            slow.register("one", instances.get(0).address());
            long quarter = System.nanoTime() + Duration.ofMillis(500).toNanos(); // of two's slow start
            slow.register("two", instances.get(1).address());
            assertThat(slow.describe())
                    .contains("two 127.0.0.1:" + instances.get(1).port() + " in-service (slow start)");
            // its first quarter at most (a share up to 1/4): on a loaded machine 20 connections may take much longer
            List<String> early = new ArrayList<>();
            while (early.size() < 20 && System.nanoTime() < quarter) {
                early.add(who(proxy));
            }
            assertThat(early.stream().filter("two"::equals).count())
                    .as("a target at the start of its slow start takes few of the new connections: " + early)
                    .isLessThanOrEqualTo(6);
            await(() -> !slow.describe().contains("slow start"));
            assertThat(List.of(who(proxy), who(proxy), who(proxy), who(proxy)))
                    .containsExactlyInAnyOrder("one", "two", "one", "two");
        }
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new Rotation.Settings("ready", INTERVAL, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rotation.Settings("/ready", Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rotation.Settings("/ready", INTERVAL, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToDrainATargetItDoesNotHave() {
        assertThatThrownBy(() -> rotation.drain("four"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no target four");
    }

    private String who() throws IOException {
        return who(balancer);
    }

    private static String who(LatencyProxy proxy) throws IOException {
        try (Socket socket = connect(proxy)) {
            return ask(socket);
        }
    }

    private Socket connect() throws IOException {
        return connect(balancer);
    }

    private static Socket connect(LatencyProxy proxy) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** One keep-alive request on {@code socket}: the name of the instance that answered it. */
    private static String ask(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /who HTTP/1.1\r\nHost: balancer\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            assertThat(b).as("an answer before the connection closed").isNotNegative();
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString()
                .lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst()
                .orElseThrow()
                .substring("content-length:".length())
                .strip());
        return new String(socket.getInputStream().readNBytes(length), StandardCharsets.US_ASCII);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An HTTP server that answers {@code /who} with its name and {@code /ready} with 200 or 503. */
    private static final class Instance {
        private final HttpServer server;
        private volatile boolean ready = true;

        Instance(String name) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/who", exchange -> {
                byte[] body = name.getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/ready", exchange -> {
                exchange.sendResponseHeaders(ready ? 200 : 503, -1);
                exchange.close();
            });
            server.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
