package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run changes admission's and the bots' settings: it reads them first and puts them back however it ends. */
class OpsSettingsTests {

    /** As ops left a deployment: paused, a cap, a batch; bots on. */
    private static final String ADMISSION_BEFORE =
            "{\"ratePerSecond\":20.0,\"openBatch\":5,\"maxActive\":40,\"paused\":true}";

    private static final String BOTS_BEFORE =
            "{\"enabled\":true,\"perRound\":150,\"difficulty\":\"HARD\",\"cancelProbability\":0.1}";

    private HttpServer server;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final Map<String, Integer> failGet = new ConcurrentHashMap<>();
    private final List<String> puts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        current.put(OpsSettings.ADMISSION, ADMISSION_BEFORE);
        current.put(OpsSettings.BOTS, BOTS_BEFORE);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body;
            if (!"Bearer ops".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{}";
            } else if (exchange.getRequestMethod().equals("PUT")) {
                body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                puts.add(path + " " + body);
                current.put(path, body);
            } else if (failGet.containsKey(path)) {
                status = failGet.get(path);
                body = "{\"type\":\"service-unavailable\"}";
            } else {
                body = current.getOrDefault(path, "{}");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A run that fails half-way (here: an exception in the play) still leaves ops' settings as they were. */
    @Test
    void putsBothSettingsBackAsTheyWereWhenTheRunFails() {
        SoakOptions options = options();
        List<String> skipped = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> SoakMain.withSettings(options, Optional.of(new OpsClient("ops")), skipped, s -> {
                    assertThat(current.get(OpsSettings.ADMISSION))
                            .as("the run's settings while it plays")
                            .contains("\"paused\": false", "\"maxActive\": 0", "\"openBatch\": 0");
                    throw new IllegalStateException("Gatling failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(json(current.get(OpsSettings.ADMISSION))).isEqualTo(json(ADMISSION_BEFORE));
        assertThat(json(current.get(OpsSettings.BOTS))).isEqualTo(json(BOTS_BEFORE));
        assertThat(puts).hasSize(4);
    }

    /** At the run's end they are put back before the summary; the finally then does not put them again. */
    @Test
    void putsThemBackOnceWhenTheRunRestoresThemItself() throws Exception {
        List<String> skipped = new CopyOnWriteArrayList<>();

        int status = SoakMain.withSettings(options(), Optional.of(new OpsClient("ops")), skipped, s -> {
            assertThat(s.orElseThrow().restore()).isEmpty();
            return 0;
        });

        assertThat(status).isZero();
        assertThat(json(current.get(OpsSettings.ADMISSION))).isEqualTo(json(ADMISSION_BEFORE));
        assertThat(puts).hasSize(4);
        assertThat(skipped).isEmpty();
    }

    /** Found by a perf engineer: Ctrl-C put the settings back and said nothing, so ops could not tell it had. */
    @Test
    void aRunStoppedByCtrlCSaysItsSettingsArePutBack() throws Exception {
        List<String> said = new ArrayList<>();

        SoakMain.withSettings(options(), Optional.of(new OpsClient("ops")), new ArrayList<>(), s -> {
            said.addAll(s.orElseThrow().restoreOnStop());
            said.addAll(s.orElseThrow().restoreOnStop());
            return 130;
        });

        assertThat(said)
                .containsExactly("stopped: admission's and the bots' settings put back as they were before the run");
        assertThat(json(current.get(OpsSettings.ADMISSION))).isEqualTo(json(ADMISSION_BEFORE));
        assertThat(puts).hasSize(4);
    }

    /** Ops raised the rate while the run played: theirs is left in force, and the run says so; the bots go back. */
    @Test
    void leavesSettingsOpsChangedDuringTheRunAsTheyAreAndSaysSo() throws Exception {
        String theirs = "{\"ratePerSecond\":100.0,\"openBatch\":9,\"maxActive\":0,\"paused\":false}";

        int status = SoakMain.withSettings(options(), Optional.of(new OpsClient("ops")), new ArrayList<>(), s -> {
            current.put(OpsSettings.ADMISSION, theirs);
            assertThat(s.orElseThrow().restore())
                    .singleElement()
                    .asString()
                    .startsWith("admission's settings were changed by someone else during the run")
                    .contains("left as they are");
            return 0;
        });

        assertThat(status).isZero();
        assertThat(json(current.get(OpsSettings.ADMISSION))).isEqualTo(json(theirs));
        assertThat(json(current.get(OpsSettings.BOTS))).isEqualTo(json(BOTS_BEFORE));
        assertThat(OpsSettings.holds(
                        (com.fasterxml.jackson.databind.JsonNode) json("{\"ratePerSecond\":20.0,\"paused\":false}"),
                        (com.fasterxml.jackson.databind.JsonNode) json("{\"ratePerSecond\":20,\"paused\":false}")))
                .as("20 is 20.0")
                .isTrue();
    }

    /** A settings read that failed would be "restored" as defaults: the run does not start, and changes nothing. */
    @Test
    void refusesToStartWhenTheSettingsCannotBeReadAndChangesNothing() {
        for (String path : List.of(OpsSettings.ADMISSION, OpsSettings.BOTS)) {
            failGet.clear();
            failGet.put(path, 503);
            AtomicBoolean played = new AtomicBoolean();

            assertThatThrownBy(() -> SoakMain.withSettings(
                            options(), Optional.of(new OpsClient("ops")), new CopyOnWriteArrayList<>(), s -> {
                                played.set(true);
                                return 0;
                            }))
                    .isInstanceOf(SoakMain.CannotStart.class)
                    .hasMessageContaining("could not read")
                    .hasMessageContaining(path + " answered 503")
                    .hasMessageContaining("does not start");
            assertThat(played).isFalse();
            assertThat(puts).isEmpty();
        }
    }

    private SoakOptions options() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return SoakOptions.parse(
                new String[] {"--admission-url", url, "--booking-url", url, "--bot-runner-url", url, "--bots", "50"},
                Map.of());
    }

    private static Object json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
