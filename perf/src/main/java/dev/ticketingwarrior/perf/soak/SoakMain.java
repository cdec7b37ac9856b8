package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.AcceptedBooking;
import dev.ticketingwarrior.perf.audit.AdmissionSample;
import dev.ticketingwarrior.perf.audit.Auditor;
import dev.ticketingwarrior.perf.audit.FinalVerdict;
import dev.ticketingwarrior.perf.audit.RoundVerdict;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import dev.ticketingwarrior.perf.faults.TargetHealthLog;
import dev.ticketingwarrior.perf.journey.Journal;
import dev.ticketingwarrior.shared.round.RoundId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code perf/soak}'s engine: configures admission and the bots, runs the Gatling simulation in this JVM, and beside
 * it audits every round once it has closed (SPEC §9), samples admission's counters while rounds are open and each
 * service's heap after every round; at the end audits everything again once drained, prints the per-round table and
 * writes {@code summary.json} (SPEC §11) and the soak report. Exit code: 0 clean, 1 an invariant was violated (or a
 * server of the stack it started could not be read at the final audit, or a fault drill failed), 2 bad arguments or a
 * run that could not start, 3 clean but Gatling's assertions failed.
 */
public final class SoakMain {

    /** Time after a round's close before its audit starts: requests in flight at the close get their answers. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** Time Gatling needs to start before the first round opens. */
    private static final Duration GATLING_START = Duration.ofSeconds(8);
    /** How long after the last round a drill may still run (a rolling deploy slowed by a stall) before it is stopped. */
    private static final Duration DRILLS_GRACE = Duration.ofMinutes(10);
    /** How long a round's seat count is asked for while booking does not answer (a drill restarting it). */
    private static final Duration SEATS_PATIENCE = Duration.ofSeconds(15);

    private SoakMain() {}

    public static void main(String[] args) {
        int status;
        try {
            SoakOptions options = SoakOptions.parse(args, System.getenv());
            if (Boolean.getBoolean("soak.check")) {
                // perf/soak asks this before it starts anything or clears the last run's results
                check(options);
                System.exit(0);
            }
            status = run(options);
        } catch (IllegalArgumentException | CannotStart e) {
            System.err.println("soak: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("soak: the run failed: " + e);
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    /**
     * What can be checked before the run starts anything or clears the last run's results: the drills exist, and a
     * {@code --target} answers its clock and, with an ops token, lets its settings be read ({@link CannotStart} else).
     */
    static void check(SoakOptions options) throws InterruptedException {
        FaultDrills.plan(options.faults());
        if (!options.local()) {
            SoakOptions timed = RoundTiming.resolve(options, new OpsClient("")::read);
            if (timed.opsToken().isPresent()) {
                OpsSettings.save(new OpsClient(timed.opsToken().get()), timed);
            }
        }
    }

    /** The run could not start (exit 2): its message says why, on one line. */
    static final class CannotStart extends RuntimeException {
        CannotStart(String message) {
            super(message);
        }
    }

    /** What a run does once the services' settings are in hand (see {@link #withSettings}). */
    interface Play {
        int play(Optional<OpsSettings> settings) throws Exception;
    }

    static int run(SoakOptions given) throws Exception {
        // a deployment's rounds are those of its clock, before anything is changed
        SoakOptions options = RoundTiming.resolve(given, new OpsClient("")::read);
        Files.createDirectories(options.out());
        List<String> skipped = new CopyOnWriteArrayList<>();
        FaultDrills drills = FaultDrills.plan(options.faults());
        Optional<OpsClient> ops = options.opsToken().map(OpsClient::new);
        return withSettings(options, ops, skipped, settings -> play(options, ops, settings, drills, skipped));
    }

    /**
     * Reads the services' ops settings before changing anything ({@link CannotStart} when they cannot be read: the
     * run could not put them back), sets the run's, plays, and puts the ones read back whatever ends the play: its
     * end, an exception, or (for a {@code --target} run) Ctrl-C, through a shutdown hook; a local stack stops with the
     * run. Without an ops token nothing is read or changed.
     */
    static int withSettings(SoakOptions options, Optional<OpsClient> ops, List<String> skipped, Play play)
            throws Exception {
        if (ops.isEmpty()) {
            skipped.add("no ops token: admission's rate and the bots were left as they are, admission not sampled");
            return play.play(Optional.empty());
        }
        OpsSettings settings = OpsSettings.save(ops.get(), options);
        Thread hook = Thread.ofPlatform()
                .name("soak-restore-settings")
                .unstarted(() -> settings.restoreOnStop().forEach(line -> System.err.println("soak: " + line)));
        if (!options.local()) {
            // a deployment's settings are put back on Ctrl-C too; a local stack is stopped with the run
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            settings.apply();
            if (!settings.botsSet()) {
                skipped.add("no bot-runner URL: bots left as they are");
            }
            return play.play(Optional.of(settings));
        } finally {
            settings.restore().forEach(line -> System.err.println("soak: " + line));
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook puts them back (or has)
            }
        }
    }

    private static int play(
            SoakOptions options,
            Optional<OpsClient> ops,
            Optional<OpsSettings> settings,
            FaultDrills drills,
            List<String> skipped)
            throws Exception {
        if (options.letterKey().isEmpty()) {
            String note =
                    "no load-test key (--letter-key / TICKETING_CAPTCHA_LOAD_TEST_KEY): human journeys stop at the"
                            + " security letter, so no human books";
            System.out.println("soak: " + note);
            skipped.add(note);
        }

        Instant firstOpen = nextOpen(options, Instant.now().plus(GATLING_START));
        List<RoundWindow> windows = new ArrayList<>(); // the warm-up rounds first
        for (int i = 0; i < options.warmUpRounds() + options.rounds(); i++) {
            Instant opens = firstOpen.plus(options.period().multipliedBy(i));
            windows.add(new RoundWindow(RoundId.startingAt(opens).value(), opens, opens.plus(options.openFor())));
        }
        simulationProperties(options, firstOpen);
        System.out.printf(
                "soak: %d round(s) after %d to warm up, of %d players and %d bots, period %ss open %ss, admission"
                        + " %.0f/s, first open %s (%s)%n",
                options.rounds(),
                options.warmUpRounds(),
                options.players(),
                options.bots(),
                options.period().toSeconds(),
                options.openFor().toSeconds(),
                options.admissionRate(),
                firstOpen,
                options.target());
        drills.announcement(windows, options.warmUpRounds(), options.rounds()).ifPresent(System.out::println);

        Journal journal = Journal.shared();
        Map<String, List<AdmissionSample>> admission = new ConcurrentHashMap<>();
        Map<String, Map<String, HeapReading>> heaps = new ConcurrentHashMap<>();
        List<RoundRow> rows = new CopyOnWriteArrayList<>();
        Instant started = Instant.now();
        try (Auditor auditor = Auditor.connect(AuditSettings.fromEnvironment(options, System.getenv()))) {
            auditor.hearPlayers(roundId -> journal.round(roundId).admittedAtMs());
            Sampler sampling = sampler(options, ops, drills, skipped);
            Thread sampler = Thread.ofPlatform()
                    .name("soak-sampler")
                    .daemon()
                    .start(() -> sampling.run(windows, admission, heaps, Duration.ofMinutes(1)));
            // the table's head above its first row, and again above the rows that come after Gatling's own summary
            AtomicBoolean headDue = new AtomicBoolean(true);
            Thread audits = Thread.ofPlatform().name("soak-audit").daemon().start(() -> {
                for (int i = 0; i < windows.size(); i++) {
                    RoundWindow window = windows.get(i);
                    sleepUntil(window.closesAt().plus(SETTLE));
                    Journal.RoundLog log = journal.round(window.roundId());
                    RoundVerdict verdict = auditor.auditRound(
                            window,
                            accepted(log),
                            admission.getOrDefault(window.roundId(), List.of()),
                            options.drain());
                    waitFor(
                            () -> heaps.containsKey(window.roundId()),
                            window.closesAt().plusSeconds(30));
                    OptionalInt seats;
                    try {
                        seats = OpsClient.seats(options.bookingUrl(), window.roundId(), SEATS_PATIENCE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        seats = OptionalInt.empty();
                    }
                    RoundRow row = RoundRow.of(
                            options.roundNumber(i),
                            window,
                            log,
                            seats,
                            verdict,
                            heaps.getOrDefault(window.roundId(), Map.of()));
                    rows.add(row);
                    if (headDue.getAndSet(false)) {
                        RoundTable.header(options);
                    }
                    RoundTable.print(row);
                }
            });

            Gatling.Outcome gatling = Gatling.run(options, skipped);
            headDue.set(true);
            audits.join();
            sampler.join(Duration.ofSeconds(30).toMillis());
            drills.finish(Instant.now().plus(DRILLS_GRACE))
                    .forEach(name -> skipped.add("fault " + name + " still ran " + DRILLS_GRACE.toMinutes()
                            + " min after the last round and was stopped, with what it had started"));

            // before the final audit: the bots off again (as they were) play no round it does not judge, whose
            // confirmations the queue's last look would count as still in flight; and before the summary, so that what
            // could not be put back is in it (the caller's finally does nothing then)
            settings.ifPresent(s -> skipped.addAll(s.restore()));
            List<AcceptedBooking> all = new ArrayList<>();
            windows.forEach(w -> all.addAll(accepted(journal.round(w.roundId()))));
            System.out.println("soak: the last round is over; the final audit waits up to "
                    + options.drain().toSeconds() + " s (--drain) for bookings still on their way to MySQL…");
            FinalVerdict verdict =
                    auditor.auditEnd(windows, all, options.drain()).with(drills.failures());
            skipped.addAll(verdict.skipped());

            List<TargetHealthLog.Entry> targetHealth = targetHealth(options.out(), skipped);
            Path summary = options.out().resolve("summary.json");
            Summary.write(
                    summary,
                    options,
                    started,
                    Instant.now(),
                    rows,
                    verdict,
                    heaps,
                    windows,
                    Gatling.latestReport(options.out()),
                    skipped,
                    drills.runs(),
                    targetHealth,
                    gatling.status(),
                    gatling.failedAssertions());
            Path report = options.out().resolve("report.html");
            dev.ticketingwarrior.perf.report.SoakReport.write(summary, report)
                    .forEach(line -> System.out.println("soak: " + line));
            RoundTable.totals(verdict, rows, skipped);
            System.out.println("soak: summary " + summary + ", report " + report
                    + Gatling.latestReport(options.out())
                            .map(r -> ", Gatling report " + r)
                            .orElse(""));
            return status(verdict, gatling.status(), gatling.failedAssertions());
        }
    }

    /**
     * The exit code, after its line: 1 for any violation (a failed drill's too), else 3 when Gatling's failed (with
     * a line for each of its failed assertions).
     */
    static int status(FinalVerdict verdict, int gatling, List<String> failedAssertions) {
        if (!verdict.violations().isEmpty()) {
            System.out.println(RoundTable.fail(verdict));
            return 1;
        }
        if (gatling != 0) {
            System.out.println(RoundTable.gatlingFail(verdict, gatling));
            failedAssertions.forEach(failed -> System.out.println("soak:   failed: " + failed));
            return 3;
        }
        System.out.println(RoundTable.pass(verdict));
        return 0;
    }

    /** When the load balancers of a balanced run took an instance out of service and back (none without them). */
    private static List<TargetHealthLog.Entry> targetHealth(Path out, List<String> skipped) {
        try {
            return TargetHealthLog.read(out);
        } catch (UncheckedIOException e) {
            skipped.add("target health: " + e.getMessage());
            return List.of();
        }
    }

    private static List<AcceptedBooking> accepted(Journal.RoundLog log) {
        return log.accepted().stream()
                .map(a -> new AcceptedBooking(a.roundId(), a.bookingId(), a.seatId(), a.ticketId(), false, a.status()))
                .toList();
    }

    /**
     * Admission's counters every second while a round is open (from its open, also in a drill's round); each
     * service's heap after GC once it closed, on a thread of its own; the drills started in the middle round.
     */
    private static Sampler sampler(
            SoakOptions options, Optional<OpsClient> ops, FaultDrills drills, List<String> skipped) {
        return new Sampler(
                window -> ops.flatMap(o -> o.get(options.admissionUrl() + "/api/v1/admin/stats"))
                        .map(stats -> stats.path("current"))
                        .filter(current ->
                                window.roundId().equals(current.path("roundId").asText()))
                        .map(current -> new AdmissionSample(
                                window.roundId(),
                                Instant.now(),
                                current.path("admitted").asLong(),
                                current.path("active").asLong(),
                                current.path("settings").path("maxActive").asLong())),
                window -> HeapReading.all(options, skipped),
                (position, window) -> {
                    int round = options.roundNumber(position);
                    if (round >= 1) { // no drill in a warm-up round
                        drills.atOpen(round, options.rounds(), window, options);
                    }
                },
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    private static Instant nextOpen(SoakOptions options, Instant notBefore) {
        long period = options.period().toMillis();
        return Instant.ofEpochMilli((notBefore.toEpochMilli() / period + 1) * period);
    }

    private static void simulationProperties(SoakOptions options, Instant firstOpen) {
        System.setProperty("soak.admissionUrl", String.join(",", options.admissionUrls()));
        System.setProperty("soak.bookingUrl", String.join(",", options.bookingUrls()));
        System.setProperty("soak.rounds", Integer.toString(options.warmUpRounds() + options.rounds()));
        System.setProperty("soak.warmUpRounds", Integer.toString(options.warmUpRounds()));
        System.setProperty("soak.players", Integer.toString(options.players()));
        System.setProperty("soak.period", options.period().toString());
        System.setProperty("soak.openFor", options.openFor().toString());
        System.setProperty("soak.firstOpen", firstOpen.toString());
        System.setProperty("soak.sseShare", Double.toString(options.sseShare()));
        System.setProperty("soak.think", Double.toString(options.think()));
        System.setProperty("soak.arrivals", options.arrivals().name());
        // a player waits for their confirmation as long as the audit does
        System.setProperty("soak.confirmWait", options.drain().toString());
        options.letterKey().ifPresent(key -> System.setProperty("soak.letterKey", key));
        System.setProperty("soak.maxErrorPercent", Double.toString(options.maxErrorPercent()));
        System.setProperty("soak.maxP99Ms", Integer.toString(options.maxP99Ms()));
    }

    static void sleepUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Instant deadline) {
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            sleepUntil(Instant.now().plusMillis(200));
        }
    }

    /** Gatling in this JVM, so the journeys' journal is the auditor's. */
    static final class Gatling {

        private Gatling() {}

        /** Gatling's exit status, and the assertions its report names as failed (none when it passed). */
        record Outcome(int status, List<String> failedAssertions) {}

        static Outcome run(SoakOptions options, List<String> skipped) {
            String simulation = "dev.ticketingwarrior.perf.journey." + options.simulation();
            Path results = options.out().resolve("gatling");
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(
                    new String[] {"--simulation", simulation, "--results-folder", results.toString()});
            if (status == 0) {
                return new Outcome(0, List.of());
            }
            List<String> failed = GatlingAssertions.failed(latestReport(options.out()));
            if (failed.isEmpty()) {
                skipped.add("Gatling ended with status " + status + " and its report names no failed assertion (it"
                        + " could not run?)");
            }
            return new Outcome(status, failed);
        }

        static Optional<Path> latestReport(Path out) {
            Path results = out.resolve("gatling");
            if (!Files.isDirectory(results)) {
                return Optional.empty();
            }
            try (Stream<Path> runs = Files.list(results)) {
                return runs.filter(dir -> Files.exists(dir.resolve("index.html")))
                        .max(Comparator.comparing(dir -> dir.toFile().lastModified()))
                        .map(dir -> dir.resolve("index.html"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
