package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.perf.audit.FinalVerdict;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultDrillsTests {

    /** The drills folder as the tests see it (they run in perf/, the soak from the repository's root). */
    private static final Path DRILLS = Path.of("faults");

    @Test
    void refusesADrillThatDoesNotExistBeforeAnythingStarts() {
        assertThatThrownBy(() -> FaultDrills.plan(List.of("unplug-the-datacentre")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fault drill 'unplug-the-datacentre'");
    }

    @Test
    void refusesAnArgumentADrillWouldFailOnHalfwayOrReadOtherwiseBeforeAnythingStarts() {
        // kill-booking:abc killed booking, then failed on 'sleep abc' and never started it again
        assertThatThrownBy(() -> FaultDrills.plan(List.of("kill-booking:abc"), DRILLS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--faults kill-booking:abc: kill-booking takes how long, in whole seconds or minutes, e.g."
                        + " kill-booking:3s or kill-booking:2m");
        assertThatThrownBy(() -> FaultDrills.plan(List.of("stop-mysql:5"), DRILLS))
                .hasMessage("--faults stop-mysql:5 needs a unit: stop-mysql:5s or stop-mysql:5m");
        assertThatThrownBy(() -> FaultDrills.plan(List.of("kill-booking:500ms"), DRILLS))
                .as("the drill sleeps whole seconds: 500ms would be none")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultDrills.plan(List.of("slow-redis:fast"), DRILLS))
                .hasMessageContaining("slow-redis takes a delay and, optionally, how long");
        assertThatThrownBy(() -> FaultDrills.plan(List.of("slow-redis:50ms:30s:1"), DRILLS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesTheArgumentsTheReadmeShows() {
        assertThatCode(() -> FaultDrills.plan(
                        List.of(
                                "kill-booking",
                                "kill-booking:3s",
                                "stop-mysql:2m",
                                "slow-redis:50ms:30s",
                                "slow-sqs:1s",
                                "slow-redis::30s",
                                "rolling-deploy:5s"),
                        DRILLS))
                .doesNotThrowAnyException();
    }

    @Test
    void saysBeforeTheFirstRoundWhenTheDrillsWillStart() {
        Instant first = Instant.parse("2026-12-07T10:00:00Z");
        List<RoundWindow> windows = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // one warm-up round, then three measured
            Instant opens = first.plusSeconds(20L * i);
            windows.add(new RoundWindow("round-" + i, opens, opens.plusSeconds(15)));
        }

        assertThat(FaultDrills.plan(List.of("kill-booking:3s", "stop-mysql"), DRILLS)
                        .announcement(windows, 1, 3))
                .contains("soak: faults kill-booking:3s, stop-mysql will start at 10:00:43.000 UTC, 3 s after round 2"
                        + " of 3 opens (round-2)");
        assertThat(FaultDrills.plan(List.of(), DRILLS).announcement(windows, 1, 3))
                .isEmpty();
    }

    @Test
    void refusesANameThatCouldEscapeTheDrillsFolder() {
        assertThatThrownBy(() -> FaultDrills.plan(List.of("../../bin/true")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsEachLineADrillPrintsWithoutItsClockAndNameAndNotesItsEnd() throws Exception {
        Instant started = Instant.now();
        FaultDrills.Run run = new FaultDrills.Run(new FaultDrills.Start(
                new FaultDrills.Drill("kill-booking", "3s", Path.of("perf/faults/kill-booking")),
                2,
                "20261204T120020Z",
                started));
        Process drill = new ProcessBuilder(
                        "bash",
                        "-c",
                        "echo '12:00:23.456 fault kill-booking: kill -9 booking (pid 42)'; echo 'a line of its own'"
                                + "; echo 'on stderr' >&2; exit 3")
                .redirectErrorStream(true)
                .start();

        FaultDrills.relay(drill, run);

        Map<String, Object> summary = run.summary();
        assertThat(summary)
                .containsEntry("name", "kill-booking")
                .containsEntry("argument", "3s")
                .containsEntry("round", 2)
                .containsEntry("roundId", "20261204T120020Z")
                .containsEntry("startedAt", started.toString())
                .containsEntry("exitCode", 3);
        assertThat(summary.get("endedAt")).isNotNull();
        List<String> texts = ((List<?>) summary.get("events"))
                .stream().map(e -> String.valueOf(((Map<?, ?>) e).get("text"))).toList();
        assertThat(texts).containsExactly("kill -9 booking (pid 42)", "a line of its own", "on stderr");
    }

    @Test
    void waitsForADrillStillRunningAfterTheLastRoundThenStopsItWithWhatItStarted() throws Exception {
        FaultDrills drills = FaultDrills.plan(List.of());
        Process quick = new ProcessBuilder("bash", "-c", "sleep 0.2").start();
        // a rolling deploy waiting on a replacement it started
        Process stuck = new ProcessBuilder("bash", "-c", "sleep 600 & wait").start();
        drills.follow(run("kill-booking"), quick);
        drills.follow(run("rolling-deploy"), stuck);
        ProcessHandle replacement = null;
        for (int i = 0; i < 100 && replacement == null; i++) {
            replacement = stuck.descendants().findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertThat(replacement).as("the drill's child").isNotNull();

        List<String> stopped = drills.finish(Instant.now().plusSeconds(2));

        assertThat(stopped).containsExactly("rolling-deploy");
        assertThat(drills.failures())
                .singleElement()
                .satisfies(v -> assertThat(v.detail())
                        .startsWith("fault rolling-deploy still ran after the last round and was stopped"));
        assertThat(quick.exitValue()).isZero();
        assertThat(stuck.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(replacement.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    /**
     * With --target every drill exits at once ("no pid file"): a drill that exits non-zero fails the run, since the
     * fault it was to inject may not have happened; one that ends well does not.
     */
    @Test
    void failsTheRunForADrillThatExitedNonZero() throws Exception {
        FaultDrills drills = FaultDrills.plan(List.of());
        Process refused = new ProcessBuilder(
                        "bash",
                        "-c",
                        "echo '12:00:23.456 fault kill-booking: no pid file /x/pids/booking: a --target run cannot kill"
                                + " booking'; exit 2")
                .redirectErrorStream(true)
                .start();
        drills.follow(run("kill-booking"), refused);
        drills.follow(run("stall-redis"), new ProcessBuilder("bash", "-c", "exit 0").start());

        drills.finish(Instant.now().plusSeconds(5));

        assertThat(drills.failures()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("fault-drill");
            assertThat(v.roundId()).isEqualTo("20261204T120020Z");
            assertThat(v.detail())
                    .startsWith("fault kill-booking exited with status 2 (its last line: no pid file /x/pids/booking:"
                            + " a --target run cannot kill booking)");
        });
        assertThat(drills.runs()).extracting(r -> r.summary().get("exitCode")).containsExactlyInAnyOrder(2, 0);
    }

    @Test
    void failsTheRunForADrillThatCouldNotStart() {
        FaultDrills.Run run = run("kill-booking");
        run.ended(Instant.now(), -1);

        assertThat(run.failure())
                .hasValueSatisfying(v -> assertThat(v.detail()).startsWith("fault kill-booking could not start"));
    }

    /** A soak that exits 1 for a failed drill, and says so on its last line. */
    @Test
    void exitsOneSayingADrillFailed() {
        FaultDrills.Run run = run("kill-booking");
        run.ended(Instant.now(), 2);
        FinalVerdict clean = new FinalVerdict(List.of(), 0, List.of(), List.of());
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = SoakMain.status(clean.with(run.failure().stream().toList()), 0, List.of());
        } finally {
            System.setOut(out);
        }

        assertThat(status).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("soak: FAIL — 1 fault drill(s) failed\n");
    }

    private static FaultDrills.Run run(String drill) {
        return new FaultDrills.Run(new FaultDrills.Start(
                new FaultDrills.Drill(drill, "", Path.of("perf/faults", drill)), 2, "20261204T120020Z", Instant.now()));
    }
}
