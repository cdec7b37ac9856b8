package dev.ticketingwarrior.perf.soak;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.ticketingwarrior.perf.audit.RoundWindow;
import dev.ticketingwarrior.perf.audit.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The {@code --faults} hook: each drill {@code name[:argument]} is the executable {@code perf/faults/<name>}, started
 * {@link #INTO_THE_SURGE} after the open of the middle round (so rounds before it are the baseline and rounds after it
 * show the recovery) with the argument and the round id; what it prints goes to the soak's output as it comes, and
 * each line is kept with the time it came ({@link #runs()}: summary.json's {@code faults}, the report's timeline). The
 * auditor judges the run as it judges any other. A drill that does not exist stops the run before anything starts; one
 * that exits non-zero, cannot start, or has to be stopped fails the run ({@link #failures()}): the fault it was to
 * inject may not have happened, so a clean audit would not say the invariants held across it.
 */
final class FaultDrills {

    static final Path DIRECTORY = Path.of("perf", "faults");
    static final Duration INTO_THE_SURGE = Duration.ofSeconds(3);
    /** The {@code invariant} of a failed drill's line among summary.json's violations. */
    static final String FAILED = "fault-drill";

    /** How long a drill lasts or waits, as {@code seconds_of} reads it: whole seconds or minutes. */
    private static final String LENGTH = "\\d+[sm]";
    /** The latency a {@code slow-} drill adds: milliseconds, seconds or minutes. */
    private static final String DELAY = "\\d+(ms|s|m)";

    /** The time of day the soak's drill lines say, as the drills' own lines do ({@code say}: UTC, milliseconds). */
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** The prefix of a drill's lines ({@code perf/faults/lib.sh}'s {@code say}): its clock and name. */
    private static final Pattern SAID = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} fault [a-z0-9-]+: ");

    private final List<Drill> drills;
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final Map<Run, Process> processes = new ConcurrentHashMap<>();

    private FaultDrills(List<Drill> drills) {
        this.drills = drills;
    }

    record Drill(String name, String argument, Path executable) {}

    /** One line a drill printed, when it came. */
    record Event(Instant at, String text) {}

    /** A drill's start: which drill, in which round (1-based index and id), when. */
    record Start(Drill drill, int round, String roundId, Instant at) {}

    /** A drill as it ran: its start, its lines so far, its end once it has ended. */
    static final class Run {
        private final Start start;
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private volatile Instant endedAt;
        private volatile Integer exitCode;
        private volatile boolean stopped;

        Run(Start start) {
            this.start = start;
        }

        /** Keeps a line the drill printed, without the clock and name that {@code say} puts before it. */
        void heard(Instant at, String line) {
            events.add(new Event(at, SAID.matcher(line).replaceFirst("")));
        }

        /** Its end; the first report wins (the relay's, or {@link #finish}'s when it saw the exit first). */
        synchronized void ended(Instant at, int code) {
            if (exitCode == null) {
                exitCode = code;
                endedAt = at;
            }
        }

        /** Why it failed the run, if it did: a non-zero exit, or stopped after the last round. */
        Optional<Violation> failure() {
            String name = start.drill().name()
                    + (start.drill().argument().isEmpty()
                            ? ""
                            : ":" + start.drill().argument());
            String said = events.isEmpty()
                    ? ""
                    : " (its last line: " + events.getLast().text() + ")";
            String why;
            if (stopped) {
                why = "still ran after the last round and was stopped";
            } else if (exitCode != null && exitCode != 0) {
                why = exitCode < 0 ? "could not start" : "exited with status " + exitCode;
            } else {
                return Optional.empty();
            }
            return Optional.of(new Violation(
                    start.roundId(),
                    FAILED,
                    "fault " + name + " " + why + said + ": the fault may not have happened as meant, so the audit"
                            + " does not vouch for the invariants across it"));
        }

        /** summary.json's entry: name, argument, round, times, exit code (null while it runs), stopped, its lines. */
        Map<String, Object> summary() {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("name", start.drill().name());
            run.put("argument", start.drill().argument());
            run.put("round", start.round());
            run.put("roundId", start.roundId());
            run.put("startedAt", start.at().toString());
            run.put("endedAt", endedAt == null ? null : endedAt.toString());
            run.put("exitCode", exitCode);
            run.put("stopped", stopped);
            run.put(
                    "events",
                    events.stream()
                            .map(e -> Map.of("at", e.at().toString(), "text", e.text()))
                            .toList());
            return run;
        }
    }

    static FaultDrills plan(List<String> faults) {
        return plan(faults, DIRECTORY);
    }

    /** The drills of {@code faults}, each an executable in {@code directory}. */
    static FaultDrills plan(List<String> faults, Path directory) {
        List<Drill> drills = new ArrayList<>();
        for (String fault : faults) {
            String[] parts = fault.split(":", 2);
            Path executable = directory.resolve(parts[0]);
            if (!parts[0].matches("[a-z0-9-]+") || !Files.isExecutable(executable)) {
                throw new IllegalArgumentException("no fault drill '" + parts[0] + "': a drill is an executable "
                        + directory + "/<name>; there are " + existing(directory));
            }
            String argument = parts.length > 1 ? parts[1] : "";
            checkArgument(parts[0], argument);
            drills.add(new Drill(parts[0], argument, executable));
        }
        return new FaultDrills(List.copyOf(drills));
    }

    /**
     * Refuses, before anything starts, an argument the drill would fail on halfway (a service killed and never started
     * again) or read otherwise than meant (a bare number): {@code slow-<server>} takes a delay and how long
     * ({@code 50ms:30s}; either may be left out for its default: {@code :30s}), every other drill how long, in whole seconds or minutes ({@code 3s}, {@code 2m}), as
     * {@code perf/faults/lib.sh}'s {@code seconds_of} reads them.
     */
    private static void checkArgument(String name, String argument) {
        if (argument.isEmpty()) {
            return;
        }
        if (name.startsWith("slow-")) {
            String[] delayAndLength = argument.split(":", -1);
            if (delayAndLength.length > 2
                    || !(delayAndLength[0].isEmpty() || delayAndLength[0].matches(DELAY))
                    || (delayAndLength.length == 2
                            && !(delayAndLength[1].isEmpty() || delayAndLength[1].matches(LENGTH)))) {
                throw new IllegalArgumentException("--faults " + name + ":" + argument + ": " + name
                        + " takes a delay and, optionally, how long in seconds or minutes, e.g. " + name
                        + ":50ms:30s or " + name + ":1s");
            }
        } else if (!argument.matches(LENGTH)) {
            String hint = argument.matches("\\d+")
                    ? " needs a unit: " + name + ":" + argument + "s or " + name + ":" + argument + "m"
                    : ": " + name + " takes how long, in whole seconds or minutes, e.g. " + name + ":3s or " + name
                            + ":2m";
            throw new IllegalArgumentException("--faults " + name + ":" + argument + hint);
        }
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

    private static List<String> existing(Path directory) {
        try (var files = Files.list(directory)) {
            return files.filter(Files::isExecutable)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The drills started so far, as they ran. */
    List<Run> runs() {
        return List.copyOf(runs);
    }

    /** One {@value #FAILED} violation per drill that failed (after {@link #finish}, which sees every end). */
    List<Violation> failures() {
        return runs.stream().flatMap(run -> run.failure().stream()).toList();
    }

    /**
     * Waits for the drills still running after the last round (a rolling deploy that a stall slowed down) until
     * {@code deadline}, so that the final audit sees what they did to the end; then stops any still running, with
     * the processes it started (a replacement not ready yet), which would otherwise outlive the soak. The names of
     * those it stopped.
     */
    List<String> finish(Instant deadline) {
        List<String> stopped = new ArrayList<>();
        processes.forEach((run, process) -> {
            if (process.isAlive()) {
                System.out.printf(
                        "soak: waiting until %s for fault %s to end…%n",
                        deadline, run.start.drill().name());
            }
            try {
                if (process.waitFor(
                        Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), MILLISECONDS)) {
                    run.ended(Instant.now(), process.exitValue()); // unless the relay has already
                } else {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    run.stopped = true;
                    stopped.add(run.start.drill().name());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return stopped;
    }

    /**
     * The line that says, before the first round, when the drills will start: {@link #INTO_THE_SURGE} after the open
     * of the middle measured round ({@code windows} holds the {@code warmUpRounds} first); empty without drills.
     */
    Optional<String> announcement(List<RoundWindow> windows, int warmUpRounds, int rounds) {
        if (drills.isEmpty()) {
            return Optional.empty();
        }
        int round = rounds / 2 + 1;
        RoundWindow window = windows.get(warmUpRounds + round - 1);
        return Optional.of("soak: fault%s %s will start at %s UTC, %d s after round %d of %d opens (%s)"
                .formatted(
                        drills.size() > 1 ? "s" : "",
                        String.join(
                                ", ",
                                drills.stream()
                                        .map(d -> d.name() + (d.argument().isEmpty() ? "" : ":" + d.argument()))
                                        .toList()),
                        CLOCK.format(window.opensAt().plus(INTO_THE_SURGE)),
                        INTO_THE_SURGE.toSeconds(),
                        round,
                        rounds,
                        window.roundId()));
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
                    CLOCK.format(Instant.now()),
                    round,
                    window.roundId());
            Run run = new Run(new Start(drill, round, window.roundId(), Instant.now()));
            try {
                ProcessBuilder builder = new ProcessBuilder(
                                drill.executable().toString(), drill.argument(), window.roundId())
                        .redirectInput(ProcessBuilder.Redirect.INHERIT)
                        .redirectErrorStream(true);
                builder.environment()
                        .put("SOAK_OUT", options.out().toAbsolutePath().toString());
                builder.environment().put("SOAK_PIDS", pids(options));
                follow(run, builder.start());
            } catch (IOException e) {
                runs.add(run);
                System.out.println("soak: fault " + drill.name() + " could not start: " + e.getMessage());
                run.heard(Instant.now(), "could not start: " + e.getMessage());
                run.ended(Instant.now(), -1);
            }
        }
    }

    /** A drill's process started for {@code run}: its lines are relayed, and {@link #finish} waits for it. */
    void follow(Run run, Process process) {
        runs.add(run);
        processes.put(run, process);
        Thread.ofVirtual().name("fault-" + run.start.drill().name()).start(() -> relay(process, run));
    }

    /** Passes the drill's lines on to the soak's output as they come, keeps them, and notes its end. */
    static void relay(Process process, Run run) {
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println(line);
                run.heard(Instant.now(), line);
            }
            run.ended(Instant.now(), process.waitFor());
        } catch (IOException e) {
            run.heard(Instant.now(), "its output could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
