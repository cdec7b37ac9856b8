package dev.ticketingwarrior.perf.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ticketingwarrior.perf.audit.BotBookings;
import dev.ticketingwarrior.perf.audit.FinalVerdict;
import dev.ticketingwarrior.perf.audit.Percentiles;
import dev.ticketingwarrior.perf.audit.RoundVerdict;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import dev.ticketingwarrior.perf.audit.Slope;
import dev.ticketingwarrior.perf.audit.Violation;
import dev.ticketingwarrior.perf.faults.TargetHealthLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * {@code perf/target/soak/summary.json}: the SPEC §11 fields first, then what the report draws. {@code rounds} counts
 * the measured rounds, {@code warmUpRounds} those before them; the totals and {@code perRound} cover both, since the
 * warm-up's bookings are audited like any others, and the heap slope only the measured rounds. {@code accepted},
 * {@code confirmed} and {@code rejected} are the journeys' bookings, {@code lost} the journeys' and the bots'
 * (null, unknown, when a round's could not be counted: MySQL not read), and {@code bots} the bots' bookings ({@code accepted, confirmed, rejected, lost}; null when MySQL was never read).
 */
final class Summary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Summary() {}

    static void write(
            Path file,
            SoakOptions options,
            Instant started,
            Instant finished,
            List<RoundRow> rows,
            FinalVerdict verdict,
            Map<String, Map<String, HeapReading>> heaps,
            List<RoundWindow> windows,
            Optional<Path> gatlingReport,
            List<String> skipped,
            List<FaultDrills.Run> faults,
            List<TargetHealthLog.Entry> targetHealth,
            int gatlingStatus,
            List<String> gatlingFailedAssertions)
            throws IOException {
        // the warm-up rounds' heap grows with what the JIT and the pools take once: not a leak
        Map<String, Double> slopes = slopes(windows.subList(options.warmUpRounds(), windows.size()), heaps);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rounds", options.rounds());
        summary.put("players", rows.stream().mapToInt(RoundRow::players).sum());
        summary.put("accepted", verdict.accepted());
        summary.put("confirmed", verdict.confirmed());
        summary.put("rejected", verdict.rejected());
        summary.put("lost", known(verdict.lost()));
        // not checked (MySQL never read, the DLQ never read): null, as unknown, never a 0 that reads as clean
        summary.put("oversold", known(verdict.knownOversold()));
        summary.put("dlq", known(verdict.knownDlq()));
        summary.put(
                "violations",
                verdict.violations().stream().map(Summary::violation).toList());
        summary.put(
                "heapSlopeMbPerRound",
                slopes.values().stream()
                        .filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue)
                        .boxed()
                        .max(Double::compare)
                        .orElse(null));
        summary.put("gatlingStatus", gatlingStatus);
        summary.put("gatlingFailedAssertions", gatlingFailedAssertions);
        summary.put(
                "report",
                gatlingReport
                        .map(r -> file.getParent()
                                .toAbsolutePath()
                                .relativize(r.toAbsolutePath())
                                .toString())
                        .orElse(null));
        summary.put("bots", verdict.bots().map(Summary::bots).orElse(null));
        summary.put("warmUpRounds", options.warmUpRounds());
        summary.put("heapSlopeByService", slopes);
        summary.put("soakReport", "report.html");
        summary.put("target", options.target());
        summary.put("startedAt", started.toString());
        summary.put("finishedAt", finished.toString());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("simulation", options.simulation());
        settings.put("period", options.period().toString());
        settings.put("openFor", options.openFor().toString());
        settings.put("playersPerRound", options.players());
        settings.put("botsPerRound", options.bots());
        settings.put("difficulty", options.difficulty());
        settings.put("admissionRate", options.admissionRate());
        settings.put("maxActive", options.maxActive());
        settings.put("sseShare", options.sseShare());
        settings.put("think", options.think());
        settings.put("arrivals", options.arrivals().name().toLowerCase(Locale.ROOT));
        settings.put("faults", options.faults());
        settings.put("drain", options.drain().toString());
        settings.put("maxErrorPercent", options.maxErrorPercent());
        settings.put("maxP99Ms", options.maxP99Ms());
        summary.put("settings", settings);
        summary.put("skipped", new ArrayList<>(new TreeSet<>(skipped)));
        summary.put("faults", faults.stream().map(FaultDrills.Run::summary).toList());
        summary.put(
                "targetHealth", targetHealth.stream().map(Summary::targetHealth).toList());
        List<Map<String, Object>> perRound = new ArrayList<>();
        for (RoundRow row : rows) {
            RoundVerdict judged = verdict.rounds().stream()
                    .filter(r -> r.roundId().equals(row.window().roundId()))
                    .findFirst()
                    .orElse(row.verdict());
            perRound.add(round(row, judged));
        }
        summary.put("perRound", perRound);
        JSON.writeValue(file.toFile(), summary);
    }

    private static Map<String, Object> targetHealth(TargetHealthLog.Entry entry) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("at", entry.at().toString());
        change.put("balancer", entry.balancer());
        change.put("target", entry.target());
        change.put("address", entry.hostAndPort());
        change.put("inService", entry.inService());
        change.put("draining", entry.draining());
        return change;
    }

    private static Map<String, Object> round(RoundRow row, RoundVerdict verdict) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("index", row.index());
        round.put("warmUp", row.warmUp());
        round.put("roundId", row.window().roundId());
        round.put("opensAt", row.window().opensAt().toString());
        round.put("players", row.players());
        round.put("entered", row.entered());
        round.put("admitted", row.admitted());
        round.put("booked", verdict.accepted());
        round.put("confirmed", verdict.confirmed());
        round.put("rejected", verdict.rejected());
        round.put("lost", known(verdict.lost()));
        round.put("bots", verdict.bots().map(Summary::bots).orElse(null));
        round.put("oversold", known(verdict.knownOversold()));
        round.put("dlq", known(verdict.knownDlq()));
        round.put("noSeat", row.noSeat());
        round.put("late", row.late());
        round.put("placeReleased", row.placeReleased());
        round.put("notAdmitted", row.notAdmitted());
        round.put("stillPending", row.stillPending());
        round.put("errors", row.errors());
        round.put("seats", row.seats().isPresent() ? row.seats().getAsInt() : null);
        round.put("seatsSold", verdict.seatsSold());
        List<long[]> sellOut = verdict.sellOut();
        round.put(
                "soldOutMs",
                row.seats().isPresent()
                                && row.seats().getAsInt() > 0
                                && verdict.seatsSold() >= row.seats().getAsInt()
                                && !sellOut.isEmpty()
                        ? sellOut.get(sellOut.size() - 1)[0]
                        : null);
        Map<String, Object> steps = new LinkedHashMap<>();
        row.steps()
                .forEach((step, s) -> steps.put(
                        step,
                        Map.of(
                                "count",
                                s.count(),
                                "errors",
                                s.errors(),
                                "p50",
                                s.p50(),
                                "p95",
                                s.p95(),
                                "p99",
                                s.p99(),
                                "max",
                                s.max())));
        round.put("steps", steps);
        Percentiles lag = verdict.confirmationLagMs();
        round.put(
                "confirmationLagMs",
                Map.of("count", lag.count(), "p50", lag.p50(), "p95", lag.p95(), "p99", lag.p99(), "max", lag.max()));
        Map<String, Object> heap = new LinkedHashMap<>();
        Map<String, Object> rss = new LinkedHashMap<>();
        Map<String, Object> pids = new LinkedHashMap<>();
        row.heap().forEach((service, reading) -> {
            reading.heapMb().ifPresent(mb -> heap.put(service, round1(mb)));
            reading.rssMb().ifPresent(mb -> rss.put(service, round1(mb)));
            pids.put(service, reading.pid());
        });
        round.put("heapMb", heap);
        round.put("rssMb", rss);
        round.put("pids", pids);
        round.put("sellOut", sellOut);
        round.put("settled", verdict.settled());
        round.put(
                "violations",
                verdict.violations().stream().map(Summary::violation).toList());
        return round;
    }

    /**
     * Least-squares slope of each service's heap after GC over the rounds (MB per round). A round without a reading
     * (the sample missed) is NaN in its place, so the rounds after it keep their index. A service a drill restarted is
     * fitted after its restart's round; null when fewer than two readings are left (restarted too late to tell).
     */
    static Map<String, Double> slopes(List<RoundWindow> windows, Map<String, Map<String, HeapReading>> heaps) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            int round = i;
            heaps.getOrDefault(windows.get(i).roundId(), Map.of()).forEach((service, reading) -> {
                List<Double> values = series.computeIfAbsent(service, s -> new ArrayList<>());
                List<Long> processes = pids.computeIfAbsent(service, s -> new ArrayList<>());
                while (values.size() < round) {
                    values.add(Double.NaN); // rounds before the service's first reading, or missed
                    processes.add(null);
                }
                values.add(reading.heapMb().orElse(Double.NaN));
                processes.add(reading.pid());
            });
        }
        Map<String, Double> slopes = new LinkedHashMap<>();
        series.forEach((service, values) -> {
            // after the service's last restart and its first reading (its warm-up): a restarted JVM's fresh heap is
            // no growth of the old one's; null (not 0) when fewer than two readings are left to fit
            List<Double> sinceStart = new ArrayList<>(values);
            int from = Slope.trendFrom(pids.get(service));
            for (int i = 0; i < Math.min(from, sinceStart.size()); i++) {
                sinceStart.set(i, Double.NaN);
            }
            long readings = sinceStart.stream().filter(v -> !v.isNaN()).count();
            slopes.put(service, from > 0 && readings < 2 ? null : round1(Slope.leastSquares(sinceStart)));
        });
        return slopes;
    }

    private static Map<String, Object> bots(BotBookings bots) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accepted", bots.accepted());
        map.put("confirmed", bots.confirmed());
        map.put("rejected", bots.rejected());
        map.put("lost", bots.lost());
        return map;
    }

    private static Map<String, Object> violation(Violation v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("roundId", v.roundId());
        map.put("invariant", v.invariant());
        map.put("detail", v.detail());
        return map;
    }

    /** A count, or null when it is not known. */
    private static Integer known(OptionalInt count) {
        return count.isPresent() ? count.getAsInt() : null;
    }

    private static Long known(OptionalLong count) {
        return count.isPresent() ? count.getAsLong() : null;
    }

    private static double round1(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
