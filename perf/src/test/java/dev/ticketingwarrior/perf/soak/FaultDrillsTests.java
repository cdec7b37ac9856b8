package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultDrillsTests {

    @Test
    void refusesADrillThatDoesNotExistBeforeAnythingStarts() {
        assertThatThrownBy(() -> FaultDrills.plan(List.of("unplug-the-datacentre")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fault drill 'unplug-the-datacentre'");
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
        assertThat(quick.exitValue()).isZero();
        assertThat(stuck.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(replacement.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private static FaultDrills.Run run(String drill) {
        return new FaultDrills.Run(new FaultDrills.Start(
                new FaultDrills.Drill(drill, "", Path.of("perf/faults", drill)), 2, "20261204T120020Z", Instant.now()));
    }
}
