package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.BotBookings;
import dev.ticketingwarrior.perf.audit.FinalVerdict;
import dev.ticketingwarrior.perf.audit.Violation;
import dev.ticketingwarrior.perf.report.Notes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The per-round table printed as rounds are audited, and the totals at the end. {@code late} (the round closed on them
 * before they booked), {@code released} (their place went to the next in line while they were quiet, maxActive),
 * {@code no seat}, {@code booked}, {@code confirmed}, {@code rejected} and {@code pending} are the
 * journeys'; {@code bots} the bots' bookings accepted and confirmed; {@code lost} both.
 */
final class RoundTable {

    private static final String FORMAT =
            "%-5s %-16s %7s %8s %5s %11s %7s %6s %9s %8s %9s %10s %4s %8s %6s %6s %7s %6s %6s %6s %8s %s%n";

    private RoundTable() {}

    static void header(SoakOptions options) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                FORMAT,
                "round",
                "id",
                "players",
                "admitted",
                "late",
                "released",
                "no seat",
                "booked",
                "confirmed",
                "rejected",
                "pending",
                "bots",
                "lost",
                "oversold",
                "errors",
                "entry",
                "wait",
                "letter",
                "hold",
                "book",
                "lag p99",
                "heap MB after GC");
        System.out.printf(
                Locale.ROOT,
                FORMAT,
                "",
                "",
                "",
                "",
                "",
                "(maxActive)",
                "",
                "(202)",
                "",
                "",
                "(gave up)",
                "(202/conf)",
                "",
                "",
                "",
                "p99 ms",
                "p99 ms",
                "p99 ms",
                "p99 ms",
                "p99 ms",
                "ms",
                "");
    }

    static void print(RoundRow row) {
        StringBuilder heap = new StringBuilder();
        row.heap()
                .forEach((service, reading) -> heap.append(service)
                        .append(' ')
                        .append(
                                reading.heapMb().isPresent()
                                        ? String.format(
                                                Locale.ROOT,
                                                "%.0f",
                                                reading.heapMb().getAsDouble())
                                        : "-")
                        .append("  "));
        System.out.printf(
                Locale.ROOT,
                FORMAT,
                row.warmUp() ? "warm" : Integer.toString(row.index()),
                row.window().roundId(),
                row.players(),
                row.admitted(),
                row.late(),
                row.placeReleased(),
                row.noSeat(),
                row.verdict().accepted(),
                row.verdict().confirmed(),
                row.verdict().rejected(),
                row.stillPending(),
                row.verdict()
                        .bots()
                        .map(b -> b.accepted() + "/" + b.confirmed())
                        .orElse("-"),
                lost(row.verdict().lost()),
                row.verdict().oversold(),
                row.errors(),
                ms(row.p99("entry")),
                ms(row.p99("wait")),
                ms(row.p99("letter")),
                ms(row.p99("hold")),
                ms(row.p99("book")),
                ms(row.verdict().confirmationLagMs().p99()),
                heap.toString().strip());
        for (Violation violation : row.verdict().violations()) {
            System.out.println("      found " + violation.invariant() + ": " + violation.detail());
        }
        if (!row.verdict().violations().isEmpty()) {
            System.out.println("      (as this round's audit found it; the final audit judges the round again once the"
                    + " bookings on their way have landed)");
        }
    }

    static void totals(FinalVerdict verdict, List<RoundRow> rows, List<String> skipped) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "soak: %s (and %d to warm up), %d players, accepted %d, confirmed %d, rejected %d, lost %s,"
                        + " oversold %s, DLQ %s; %s%n",
                rounds(rows.stream().filter(row -> !row.warmUp()).count()),
                rows.stream().filter(RoundRow::warmUp).count(),
                rows.stream().mapToInt(RoundRow::players).sum(),
                verdict.accepted(),
                verdict.confirmed(),
                verdict.rejected(),
                verdict.lost().isPresent() ? Integer.toString(verdict.lost().getAsInt()) : "unknown",
                oversold(verdict),
                dlq(verdict),
                bots(verdict.bots()));
        for (Violation violation : verdict.violations()) {
            System.out.println("soak: violated " + violation.invariant() + " (round " + violation.roundId() + "): "
                    + violation.detail());
        }
        long foundInRounds = rows.stream()
                .mapToLong(row -> row.verdict().violations().size())
                .sum();
        if (foundInRounds > 0 && verdict.violations().isEmpty()) {
            System.out.println("soak: what the rounds' audits found (" + foundInRounds + " above) had settled when the"
                    + " final audit judged the rounds again");
        }
        for (String line : Notes.grouped(skipped)) {
            System.out.println("soak: note: " + line);
        }
    }

    /** The last line of a run with violations: how many of each kind. */
    static String fail(FinalVerdict verdict) {
        long drills = verdict.violations().stream()
                .filter(v -> v.invariant().equals(FaultDrills.FAILED))
                .count();
        long invariants = verdict.violations().size() - drills;
        List<String> parts = new ArrayList<>();
        if (invariants > 0) {
            parts.add(invariants + " violation(s)");
        }
        if (drills > 0) {
            parts.add(drills + " fault drill(s) failed");
        }
        return "soak: FAIL — " + String.join(", ", parts);
    }

    /** The last line of a run without violations: what it counted, and what it could not ("unknown"). */
    static String pass(FinalVerdict verdict) {
        return "soak: PASS — lost %s, oversold %s, DLQ %s, no invariant violated"
                .formatted(lost(verdict), oversold(verdict), dlq(verdict));
    }

    /**
     * The verdict of a run whose invariants hold but whose Gatling assertions failed (exit 3): FAIL, as the report says
     * it, with what held, so a drill's expected errors are not read as a loss.
     */
    static String gatlingFail(FinalVerdict verdict, int gatlingStatus) {
        return ("soak: FAIL — Gatling's assertions failed (its status %d), though no invariant was violated: lost %s,"
                        + " oversold %s, DLQ %s: exit 3")
                .formatted(gatlingStatus, lost(verdict), oversold(verdict), dlq(verdict));
    }

    private static String lost(FinalVerdict verdict) {
        return verdict.lost().isPresent() ? Integer.toString(verdict.lost().getAsInt()) : "unknown";
    }

    private static String oversold(FinalVerdict verdict) {
        OptionalInt oversold = verdict.knownOversold();
        return oversold.isPresent() ? Integer.toString(oversold.getAsInt()) : "unknown";
    }

    private static String dlq(FinalVerdict verdict) {
        OptionalLong dlq = verdict.knownDlq();
        return dlq.isPresent() ? Long.toString(dlq.getAsLong()) : "not checked";
    }

    /** The bots' share: their lost bookings are also in the total's {@code lost}. */
    private static String bots(Optional<BotBookings> bots) {
        return bots.map(b -> String.format(
                        Locale.ROOT,
                        "bots accepted %d, confirmed %d, rejected %d, lost %d",
                        b.accepted(),
                        b.confirmed(),
                        b.rejected(),
                        b.lost()))
                .orElse("bots not counted (MySQL not read)");
    }

    /** The round's lost bookings, or {@code -} when they could not be counted (MySQL not read). */
    private static String lost(OptionalInt lost) {
        return lost.isPresent() ? Integer.toString(lost.getAsInt()) : "-";
    }

    private static String rounds(long count) {
        return count + (count == 1 ? " round" : " rounds");
    }

    private static String ms(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
