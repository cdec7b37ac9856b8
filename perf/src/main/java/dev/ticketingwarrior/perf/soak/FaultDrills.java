package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.RoundWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --faults} hook: each drill {@code name[:argument]} is the executable {@code perf/faults/<name>}, started
 * {@link #INTO_THE_SURGE} after the open of the middle round (so rounds before it are the baseline and rounds after it
 * show the recovery) with the argument and the round id; what it prints goes to the soak's output, prefixed. The
 * auditor judges the run as it judges any other. A drill that does not exist stops the run before anything starts.
 */
final class FaultDrills {

    static final Path DIRECTORY = Path.of("perf", "faults");
    static final Duration INTO_THE_SURGE = Duration.ofSeconds(3);

    private final List<Drill> drills;

    private FaultDrills(List<Drill> drills) {
        this.drills = drills;
    }

    record Drill(String name, String argument, Path executable) {}

    static FaultDrills plan(List<String> faults) {
        List<Drill> drills = new ArrayList<>();
        for (String fault : faults) {
            String[] parts = fault.split(":", 2);
            Path executable = DIRECTORY.resolve(parts[0]);
            if (!parts[0].matches("[a-z0-9-]+") || !Files.isExecutable(executable)) {
                throw new IllegalArgumentException("no fault drill '" + parts[0] + "': a drill is an executable "
                        + DIRECTORY + "/<name>; there are " + existing());
            }
            drills.add(new Drill(parts[0], parts.length > 1 ? parts[1] : "", executable));
        }
        return new FaultDrills(List.copyOf(drills));
    }

    private static String pids(SoakOptions options) {
        StringBuilder pids = new StringBuilder();
        options.currentPids()
                .forEach((service, pid) -> pids.append(pids.isEmpty() ? "" : ",")
                        .append(service)
                        .append('=')
                        .append(pid));
        return pids.toString();
    }

    private static List<String> existing() {
        try (var files = Files.list(DIRECTORY)) {
            return files.filter(Files::isExecutable)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Called at each round's open (1-based index); starts the drills in the middle round. */
    void atOpen(int round, int rounds, RoundWindow window, SoakOptions options) {
        if (drills.isEmpty() || round != rounds / 2 + 1) {
            return;
        }
        SoakMain.sleepUntil(window.opensAt().plus(INTO_THE_SURGE));
        for (Drill drill : drills) {
            System.out.printf(
                    "soak: fault %s%s at %s (round %d, %s)%n",
                    drill.name(),
                    drill.argument().isEmpty() ? "" : ":" + drill.argument(),
                    Instant.now(),
                    round,
                    window.roundId());
            try {
                ProcessBuilder process = new ProcessBuilder(
                                drill.executable().toString(), drill.argument(), window.roundId())
                        .inheritIO();
                process.environment()
                        .put("SOAK_OUT", options.out().toAbsolutePath().toString());
                process.environment().put("SOAK_PIDS", pids(options));
                process.start();
            } catch (IOException e) {
                System.out.println("soak: fault " + drill.name() + " could not start: " + e.getMessage());
            }
        }
    }
}
