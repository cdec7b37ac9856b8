package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.journey.Journal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Count, errors and latency percentiles of one step in one round, from what the journeys recorded. */
record StepStats(long count, long errors, long p50, long p95, long p99, long max) {

    /** The steps in journey order; steps nobody reached are left out. */
    static final List<String> ORDER = List.of(
            "clock",
            "entry",
            "wait",
            "status",
            "letter",
            "letter answer",
            "seats",
            "hold",
            "book",
            "booking status",
            "confirm");

    static Map<String, StepStats> of(List<Journal.Sample> samples) {
        Map<String, List<Journal.Sample>> byStep = new LinkedHashMap<>();
        for (String step : ORDER) {
            byStep.put(step, new ArrayList<>());
        }
        for (Journal.Sample sample : samples) {
            byStep.computeIfAbsent(sample.step(), s -> new ArrayList<>()).add(sample);
        }
        Map<String, StepStats> stats = new LinkedHashMap<>();
        byStep.forEach((step, list) -> {
            if (!list.isEmpty()) {
                stats.put(
                        step,
                        of(
                                list.stream()
                                        .mapToLong(Journal.Sample::millis)
                                        .filter(m -> m >= 0)
                                        .toArray(),
                                list.stream().filter(s -> !s.ok()).count(),
                                list.size()));
            }
        });
        return stats;
    }

    static StepStats of(long[] millis, long errors, long count) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new StepStats(
                count,
                errors,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values (0 when there are none). */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
