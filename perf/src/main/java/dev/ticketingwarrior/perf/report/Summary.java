package dev.ticketingwarrior.perf.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * What perf/soak wrote to summary.json. Any number may be missing, so every one is nullable; a missing list or map
 * is empty, except {@code violations}, which is null when the file did not say (no verdict then, rather than PASS).
 * {@code accepted}, {@code confirmed} and {@code rejected} are the journeys' bookings, {@code lost} the journeys' and
 * the bots', {@code bots} the bots' bookings (null when not written).
 */
record Summary(
        Long rounds,
        Long warmUpRounds,
        Long players,
        Long accepted,
        Long confirmed,
        Long rejected,
        Long lost,
        Long oversold,
        Long dlq,
        Bots bots,
        List<Violation> violations,
        Double heapSlopeMbPerRound,
        Map<String, Double> heapSlopeByService,
        String report,
        String target,
        String startedAt,
        String finishedAt,
        Map<String, String> settings,
        List<String> skipped,
        List<Round> perRound,
        List<Fault> faults,
        List<TargetHealth> targetHealth,
        Long gatlingStatus,
        List<String> gatlingFailedAssertions) {

    enum Verdict {
        PASS,
        FAIL,
        NO_VERDICT
    }

    record Violation(String roundId, String invariant, String detail) {}

    /** The bots' bookings: {@code accepted} = confirmed + rejected + lost. */
    record Bots(Long accepted, Long confirmed, Long rejected, Long lost) {}

    /** A fault drill as it ran; {@code endedAt} and {@code exitCode} null when it had not ended. */
    record Fault(
            String name,
            String argument,
            String startedAt,
            String endedAt,
            Integer exitCode,
            List<FaultEvent> events) {}

    /** A line a drill printed, when it came. */
    record FaultEvent(String at, String text) {}

    /**
     * A load balancer's readiness checks took {@code target} out of service or put it back ({@code inService} null when
     * the file did not say); {@code draining}: while it was being drained (on its way out).
     */
    record TargetHealth(
            String at, String balancer, String target, String address, Boolean inService, boolean draining) {}

    /** Latencies in ms of one step (or of the confirmation lag) in one round. */
    record Stats(Long count, Long errors, Double p50, Double p95, Double p99, Double max) {}

    /** {@code seatsSold} seats were sold {@code ms} after the round opened. */
    record SellOutPoint(double ms, double seatsSold) {}

    /** A booking made {@code bookedMs} after its round opened and confirmed or rejected {@code settledMs} after. */
    record Settlement(double bookedMs, double settledMs) {}

    /**
     * {@code index} 1 is the first measured round; a warm-up round ({@code warmUp}) has 0 or less. {@code late}: admitted
     * players the round closed on before they booked; {@code placeReleased}: those refused a letter answer or a hold
     * because their place went to the next in line while they were quiet (maxActive; null in a summary from before it
     * was written); {@code noSeat}: those who found no seat left; {@code errors}: those whose journey ended on an error
     * (a refused connection, a 5xx, a timeout); {@code pids}: the process each service's heap and RSS were read from
     * (empty in a summary from before they were written).
     */
    record Round(
            int index,
            boolean warmUp,
            String roundId,
            String opensAt,
            Long players,
            Long admitted,
            Long late,
            Long placeReleased,
            Long noSeat,
            Long errors,
            Long booked,
            Long confirmed,
            Long rejected,
            Long lost,
            Bots bots,
            Long oversold,
            Long dlq,
            Long seats,
            Long seatsSold,
            Double soldOutMs,
            Map<String, Stats> steps,
            Stats confirmationLag,
            Map<String, Double> heapMb,
            Map<String, Double> rssMb,
            Map<String, Long> pids,
            List<SellOutPoint> sellOut,
            List<Settlement> settled,
            List<Violation> violations) {}

    /** The top-level violations, plus any that a round lists and the top level does not. */
    List<Violation> allViolations() {
        SequencedSet<Violation> all = new LinkedHashSet<>();
        if (violations != null) {
            all.addAll(violations);
        }
        for (Round round : perRound) {
            if (round.violations() != null) {
                all.addAll(round.violations());
            }
        }
        return new ArrayList<>(all);
    }

    Verdict verdict() {
        if (!allViolations().isEmpty() || gatlingFailed()) {
            return Verdict.FAIL;
        }
        boolean anyList = violations != null || perRound.stream().anyMatch(r -> r.violations() != null);
        return anyList ? Verdict.PASS : Verdict.NO_VERDICT;
    }

    /** Gatling's assertions failed (or it could not run): the run's exit code was 3, whatever the invariants say. */
    boolean gatlingFailed() {
        return gatlingStatus != null && gatlingStatus != 0;
    }

    /** The index of the round that was on at {@code instant}: the last to open at or before it; null if none. */
    Integer roundAt(String instant) {
        Instant at = Text.instant(instant);
        if (at == null) {
            return null;
        }
        Integer index = null;
        for (Round r : perRound) {
            Instant opens = Text.instant(r.opensAt());
            if (opens != null && !opens.isAfter(at)) {
                index = r.index();
            }
        }
        return index;
    }

    /** How the page names a round: its number, and whether it warmed up. */
    static String name(Round round) {
        return (round.warmUp() ? "warm-up round " : "round ") + round.index();
    }

    /** The rounds count as written, else the number of rounds listed. */
    long roundCount() {
        return rounds != null ? rounds : perRound.size();
    }

    /** Step names in their order of first appearance across the rounds. */
    List<String> stepNames() {
        SequencedSet<String> names = new LinkedHashSet<>();
        perRound.forEach(r -> names.addAll(r.steps().keySet()));
        return List.copyOf(names);
    }

    List<String> heapServices() {
        SequencedSet<String> names = new LinkedHashSet<>();
        perRound.forEach(r -> names.addAll(r.heapMb().keySet()));
        return List.copyOf(names);
    }

    List<String> rssServices() {
        SequencedSet<String> names = new LinkedHashSet<>();
        perRound.forEach(r -> names.addAll(r.rssMb().keySet()));
        return List.copyOf(names);
    }
}
