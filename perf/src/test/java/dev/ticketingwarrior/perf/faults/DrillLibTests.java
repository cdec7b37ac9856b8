package dev.ticketingwarrior.perf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * perf/faults/lib.sh's stall and slow, cut short as the soak stops a drill still running after the last round
 * (FaultDrills.finish: SIGTERM to its children, then to it) or as a SIGTERM alone: what the drill did is undone.
 */
class DrillLibTests {

    /** Where lib.sh is from the module (Maven's working directory) or from the repository's root. */
    private static final Path LIB =
            Files.exists(Path.of("faults/lib.sh")) ? Path.of("faults/lib.sh") : Path.of("perf/faults/lib.sh");

    @TempDir
    Path dir;

    private final List<Process> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWhatWasStarted() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aStallStoppedBySigtermLetsTheServerRunAgain() throws Exception {
        Process server = start(new ProcessBuilder("sleep", "600"));
        Process drill = drill("stall redis " + pidFile(server) + " 600");
        await(() -> stopped(server), "the server stopped by the drill");

        drill.destroy(); // SIGTERM to the drill alone

        assertThat(drill.waitFor(10, TimeUnit.SECONDS)).as("the drill ended").isTrue();
        await(() -> !stopped(server), "the server running again");
    }

    @Test
    void aStallStoppedAsTheSoakStopsADrillLetsTheServerRunAgain() throws Exception {
        Process server = start(new ProcessBuilder("sleep", "600"));
        Process drill = drill("stall mariadb " + pidFile(server) + " 600");
        await(() -> stopped(server), "the server stopped by the drill");

        drill.descendants().forEach(ProcessHandle::destroy); // as FaultDrills.finish: its children first
        drill.destroy();

        assertThat(drill.waitFor(10, TimeUnit.SECONDS)).as("the drill ended").isTrue();
        await(() -> !stopped(server), "the server running again");
    }

    /**
     * Repeated, stopped both ways the soak and a user do: a SIGTERM near the pause's start once had bash undo twice, or
     * left the pause's sleep behind (a child signalled before it became sleep).
     */
    @RepeatedTest(20)
    void aSlowProxyStoppedBySigtermIsAtFullSpeedAgainOnce(RepetitionInfo repetition) throws Exception {
        List<String> delays = new CopyOnWriteArrayList<>();
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/delay", exchange -> {
            delays.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        control.start();
        String pause = Integer.toString(6000 + repetition.getCurrentRepetition()); // its sleep, told from others
        try {
            Files.writeString(
                    dir.resolve("redis-proxy.control"),
                    Integer.toString(control.getAddress().getPort()));
            Process drill = drill("slow redis 50ms:" + pause + " 50ms 30");
            await(() -> delays.contains("50ms"), "the delay set");

            if (repetition.getCurrentRepetition() % 2 == 0) {
                drill.descendants().forEach(ProcessHandle::destroy); // as FaultDrills.finish: its children first
            }
            drill.destroy();

            assertThat(drill.waitFor(10, TimeUnit.SECONDS))
                    .as("the drill ended")
                    .isTrue();
            await(() -> delays.equals(List.of("50ms", "0")), "the delay reset");
            Thread.sleep(100);
            assertThat(delays).as("the delay reset once").containsExactly("50ms", "0");
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info().arguments().map(List::of).equals(Optional.of(List.of(pause)))))
                    .as("the pause's sleep left behind")
                    .isEmpty();
        } finally {
            control.stop(0);
        }
    }

    /** A drill as perf/faults' own: strict bash sourcing lib.sh, the soak's stack folder in its environment. */
    private Process drill(String call) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", "-c", "set -euo pipefail; source " + LIB.toAbsolutePath() + "; " + call)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("drill.log").toFile());
        builder.environment().put("SOAK_STACK_DIR", dir.toString());
        return start(builder);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Path pidFile(Process server) throws IOException {
        Path file = dir.resolve("server.pid");
        Files.writeString(file, Long.toString(server.pid()));
        return file;
    }

    /** Whether the process is stopped (SIGSTOP): state T in /proc/<pid>/stat. */
    private static boolean stopped(Process process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
        } catch (IOException e) {
            return false;
        }
    }

    private void await(BooleanSupplier condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean())
                .as(what + " within 5 s; the drill said: " + Files.readString(dir.resolve("drill.log")))
                .isTrue();
    }
}
