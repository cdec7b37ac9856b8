package dev.ticketingwarrior.perf.report;

import static dev.ticketingwarrior.perf.report.Text.esc;

import dev.ticketingwarrior.perf.audit.Slope;
import dev.ticketingwarrior.perf.report.LineChart.Band;
import dev.ticketingwarrior.perf.report.LineChart.Line;
import dev.ticketingwarrior.perf.report.LineChart.Point;
import dev.ticketingwarrior.perf.report.LineChart.Ramp;
import dev.ticketingwarrior.perf.report.LineChart.Series;
import dev.ticketingwarrior.perf.report.LineChart.YAxis;
import dev.ticketingwarrior.perf.report.SoakReport.Link;
import dev.ticketingwarrior.perf.report.Summary.Bots;
import dev.ticketingwarrior.perf.report.Summary.Fault;
import dev.ticketingwarrior.perf.report.Summary.FaultEvent;
import dev.ticketingwarrior.perf.report.Summary.Round;
import dev.ticketingwarrior.perf.report.Summary.SellOutPoint;
import dev.ticketingwarrior.perf.report.Summary.Stats;
import dev.ticketingwarrior.perf.report.Summary.TargetHealth;
import dev.ticketingwarrior.perf.report.Summary.Verdict;
import dev.ticketingwarrior.perf.report.Summary.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The HTML of the soak report. XHTML-compatible markup (every element closed, no named entities, nothing in the
 * script or style that XML would choke on), so a test can read the page back with an XML parser.
 */
final class SoakPage {

    /** Past this many, the rest of the violations fold away under a "more" toggle. */
    private static final int VIOLATIONS_SHOWN = 25;

    private static final String WARM_UP_TIP =
            "played to warm the services up: audited, but Gatling's per-step assertions leave it out";

    private final Summary s;
    private final Link gatling;
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Map<String, Integer> roundIndexById = new HashMap<>();

    private SoakPage(Summary summary, Link gatling) {
        this.s = summary;
        this.gatling = gatling;
        for (Round r : summary.perRound()) {
            if (r.roundId() != null) {
                roundIndexById.putIfAbsent(r.roundId(), r.index());
            }
        }
    }

    static String render(Summary summary, Link gatling) {
        return new SoakPage(summary, gatling).page();
    }

    private String page() {
        Verdict verdict = s.verdict();
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>")
                .append(verdictWord(verdict))
                .append(" \u00b7 soak of ")
                .append(s.roundCount())
                .append(s.roundCount() == 1 ? " round" : " rounds")
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body><main>\n");
        headline(verdict);
        tiles(verdict);
        violations();
        faults();
        targetHealth();
        p99Chart();
        lagChart();
        backlogChart();
        memoryCharts();
        sellOutChart();
        table();
        out.append("<div id=\"tip\"></div><script>").append(SCRIPT).append("</script></main></body></html>\n");
        return out.toString();
    }

    // ---- headline

    /** The failed assertion Gatling's report names first (and how many more), else what a failed status can mean. */
    private String gatlingFailure() {
        List<String> failed = s.gatlingFailedAssertions();
        if (failed.isEmpty()) {
            return "Gatling's assertions failed (status " + s.gatlingStatus() + "): errors or p99 over the limits"
                    + " (--max-errors, --max-p99), or it could not run; no invariant violated";
        }
        return "Gatling's assertion failed: " + failed.getFirst()
                + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "") + "; no invariant violated";
    }

    private void headline(Verdict verdict) {
        String css = switch (verdict) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NO_VERDICT -> "unknown";
        };
        int violations = s.allViolations().size();
        String why = switch (verdict) {
            case PASS -> "no invariant violated";
            case FAIL ->
                violations > 0
                        ? violations + (violations == 1 ? " invariant violation" : " invariant violations")
                        : gatlingFailure();
            case NO_VERDICT -> "summary.json does not list violations";
        };
        out.append("<header class=\"headline ")
                .append(css)
                .append("\"><div class=\"verdict\" id=\"verdict\">")
                .append(verdictWord(verdict))
                .append("</div><div class=\"what\"><h1>Soak: ")
                .append(esc(Text.plural(s.roundCount(), "round")))
                .append(
                        s.players() != null
                                ? ", " + esc(Text.count(s.players())) + " players"
                                        + (positive(s.warmUpRounds()) ? " (warm-up included)" : "")
                                : "")
                .append(" <span class=\"why\">\u2014 ")
                .append(esc(why))
                .append("</span></h1><p class=\"meta\">");
        List<String> meta = new ArrayList<>();
        if (s.target() != null) {
            meta.add("target <b>" + esc(s.target()) + "</b>");
        }
        if (s.startedAt() != null || s.finishedAt() != null) {
            String span = esc(Text.dateTime(s.startedAt())) + " \u2192 " + esc(Text.dateTime(s.finishedAt()));
            String length = Text.between(s.startedAt(), s.finishedAt());
            meta.add(length == null ? span : span + " (" + esc(length) + ")");
        }
        if (gatling != null) {
            meta.add(gatlingAnchor());
        }
        out.append(meta.isEmpty() ? "no run details in summary.json" : String.join(" \u00b7 ", meta))
                .append("</p>");
        if (s.gatlingFailedAssertions().size() > 1) {
            out.append("<ul class=\"gatling-failed\" id=\"gatling-failed\">");
            s.gatlingFailedAssertions()
                    .forEach(failed -> out.append("<li>").append(esc(failed)).append("</li>"));
            out.append("</ul>");
        }
        if (!s.settings().isEmpty()) {
            out.append("<p class=\"chips\">");
            s.settings()
                    .forEach((k, v) -> out.append("<span class=\"chip\">")
                            .append(esc(k))
                            .append(" <b>")
                            .append(esc(Text.setting(v)))
                            .append("</b></span>"));
            out.append("</p>");
        }
        if (!s.skipped().isEmpty()) {
            out.append("<p class=\"skipped\">skipped: ")
                    .append(esc(String.join(" \u00b7 ", Notes.grouped(s.skipped()))))
                    .append("</p>");
        }
        out.append("</div></header>\n");
    }

    private void tiles(Verdict verdict) {
        out.append("<section class=\"tiles\">");
        tile(
                "rounds",
                Text.count(s.roundCount()),
                false,
                positive(s.warmUpRounds())
                        ? "measured, after " + Text.plural(s.warmUpRounds(), "warm-up round")
                        : null);
        tile("players", Text.count(s.players()), false, null);
        tile("accepted", Text.count(s.accepted()), false, "the players' 202s (bots' apart)");
        tile("confirmed", Text.count(s.confirmed()), false, "the players' (bots' apart)");
        tile("rejected", Text.count(s.rejected()), false, "the players' (bots' apart)");
        Bots bots = s.bots();
        tile(
                "bots",
                Text.count(bots == null ? null : bots.accepted()),
                bots != null && positive(bots.lost()),
                bots == null ? "the bots' bookings: not in summary.json" : "the bots' bookings: " + botsTip(bots));
        tile("lost", Text.count(s.lost()), positive(s.lost()), "accepted, but in neither table: players' and bots'");
        tile("oversold", Text.count(s.oversold()), positive(s.oversold()), "seats sold more than once");
        tile("DLQ", Text.count(s.dlq()), positive(s.dlq()), "messages in the dead-letter queue");
        int violations = s.allViolations().size();
        tile(
                "violations",
                verdict == Verdict.NO_VERDICT ? Text.MISSING : String.valueOf(violations),
                violations > 0,
                null);
        Double slope = heapSlope();
        StringBuilder perService = new StringBuilder();
        s.heapSlopeByService()
                .forEach((svc, v) -> perService
                        .append(svc)
                        .append(' ')
                        .append(Text.signed(v))
                        .append(" MB/round\n"));
        out.append("<div class=\"tile\"")
                .append(
                        perService.isEmpty()
                                ? ""
                                : " title=\"" + esc(perService.toString().strip()) + "\"")
                .append("><div class=\"value\">")
                .append(esc(Text.signed(slope)))
                .append("</div><div class=\"label\">heap MB/round (steepest service)</div></div>");
        out.append("</section>\n");
    }

    /** The summary's own figure, else the steepest per-service slope it gives, else none. */
    private Double heapSlope() {
        if (s.heapSlopeMbPerRound() != null) {
            return s.heapSlopeMbPerRound();
        }
        return s.heapSlopeByService().values().stream()
                .filter(Objects::nonNull)
                .max(Double::compare)
                .orElse(null);
    }

    private void tile(String label, String value, boolean bad, String hint) {
        out.append("<div class=\"tile")
                .append(bad ? " bad" : "")
                .append("\" id=\"tile-")
                .append(esc(label.toLowerCase(Locale.ROOT)))
                .append('"')
                .append(hint == null ? "" : " title=\"" + esc(hint) + "\"")
                .append("><div class=\"value\">")
                .append(esc(value))
                .append("</div><div class=\"label\">")
                .append(esc(label))
                .append("</div></div>");
    }

    private void violations() {
        List<Violation> all = s.allViolations();
        if (all.isEmpty()) {
            return;
        }
        out.append("<section class=\"card violations\" id=\"violations\"><h2>")
                .append(all.size() == 1 ? "1 violation" : all.size() + " violations")
                .append("</h2>");
        violationTable(all.subList(0, Math.min(all.size(), VIOLATIONS_SHOWN)));
        if (all.size() > VIOLATIONS_SHOWN) {
            out.append("<details><summary>")
                    .append(all.size() - VIOLATIONS_SHOWN)
                    .append(" more</summary>");
            violationTable(all.subList(VIOLATIONS_SHOWN, all.size()));
            out.append("</details>");
        }
        out.append("</section>\n");
    }

    // ---- fault drills

    /** Each drill: when it ran, in which rounds, and what it said it did, line by line. */
    private void faults() {
        if (s.faults().isEmpty()) {
            return;
        }
        out.append("<section class=\"card faults\" id=\"faults\"><h2>")
                .append(s.faults().size() == 1 ? "Fault drill" : s.faults().size() + " fault drills")
                .append("</h2><p class=\"hint\">the rounds a drill ran in are shaded on the charts below</p>");
        for (Fault f : s.faults()) {
            String name = (f.name() == null ? Text.MISSING : f.name())
                    + (f.argument() == null || f.argument().isEmpty() ? "" : ":" + f.argument());
            Integer first = s.roundAt(f.startedAt());
            Integer last = s.roundAt(lastSeen(f));
            out.append("<p class=\"fault\"><b>")
                    .append(esc(name))
                    .append("</b> \u00b7 ")
                    .append(esc(Text.time(f.startedAt())))
                    .append(" UTC")
                    .append(first == null ? "" : ", round #" + first);
            if (f.endedAt() == null) {
                out.append(" \u00b7 still running when the soak ended");
            } else {
                String length = Text.between(f.startedAt(), f.endedAt());
                out.append(" \u2192 ")
                        .append(esc(Text.time(f.endedAt())))
                        .append(last == null || last.equals(first) ? "" : ", round #" + last)
                        .append(length == null ? "" : " (" + esc(length) + ")")
                        .append(" \u00b7 exit ")
                        .append(f.exitCode() == null ? Text.MISSING : f.exitCode());
            }
            out.append("</p>");
            held(f);
            out.append("<table class=\"list events\"><thead><tr><th>time (UTC)</th><th>since start</th>")
                    .append("<th>round</th><th>what the drill did</th></tr></thead><tbody>");
            for (FaultEvent e : f.events()) {
                Integer round = s.roundAt(e.at());
                String since = Text.between(f.startedAt(), e.at());
                out.append("<tr><td>")
                        .append(esc(Text.time(e.at())))
                        .append("</td><td>")
                        .append(since == null ? Text.MISSING : "+" + esc(since))
                        .append("</td><td class=\"round\">")
                        .append(round == null ? "" : "#" + round)
                        .append("</td><td class=\"detail\">")
                        .append(esc(e.text()))
                        .append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("</section>\n");
    }

    /**
     * Each time a load balancer's readiness checks took an instance out of service or put it back, and how long it was
     * out: what the players behind the balancers met, beside what the drills did.
     */
    private void targetHealth() {
        if (s.targetHealth().isEmpty()) {
            return;
        }
        out.append("<section class=\"card faults\" id=\"target-health\"><h2>Load balancers: target health</h2>")
                .append("<p class=\"hint\">an instance leaves the rotation after two failed readiness checks in a row")
                .append(" and rejoins after two passed ones; its open connections go on meanwhile</p>")
                .append("<table class=\"list events\"><thead><tr><th>time (UTC)</th><th>round</th>")
                .append("<th>balancer</th><th>target</th><th>health</th></tr></thead><tbody>");
        Map<String, String> outSince = new HashMap<>();
        for (TargetHealth h : s.targetHealth()) {
            Integer round = s.roundAt(h.at());
            String key = h.balancer() + " " + h.target();
            String health;
            if (h.inService() == null) {
                health = Text.MISSING;
            } else if (h.inService()) {
                String away = Text.between(outSince.remove(key), h.at());
                health = "in service" + (away == null ? "" : " again, out for " + away);
            } else {
                outSince.put(key, h.at());
                health = h.draining() ? "out of service while draining (on its way out)" : "out of service";
            }
            out.append("<tr><td>")
                    .append(esc(Text.time(h.at())))
                    .append("</td><td class=\"round\">")
                    .append(round == null ? "" : "#" + round)
                    .append("</td><td>")
                    .append(esc(h.balancer() == null ? Text.MISSING : h.balancer()))
                    .append("</td><td class=\"detail\">")
                    .append(esc(h.target() == null ? Text.MISSING : h.target()))
                    .append(h.address() == null ? "" : " (" + esc(h.address()) + ")")
                    .append("</td><td")
                    .append(Boolean.FALSE.equals(h.inService()) && !h.draining() ? " class=\"bad\">" : ">")
                    .append(esc(health))
                    .append("</td></tr>");
        }
        out.append("</tbody></table></section>\n");
    }

    /** What the bookings made while the drill ran waited for once it was over, when the auditor read their rows. */
    private void held(Fault f) {
        Backlog.heldBy(s.perRound(), f)
                .ifPresent(held -> out.append("<p class=\"held\">")
                        .append(esc(held.sentence()))
                        .append("</p>"));
    }

    /** When the drill was last heard of: its end, else its last line, else its start. */
    private static String lastSeen(Fault f) {
        if (f.endedAt() != null) {
            return f.endedAt();
        }
        return f.events().isEmpty() ? f.startedAt() : f.events().getLast().at();
    }

    /** The warm-up rounds, shaded grey: their latencies are a JIT's first steps, not what the run measures. */
    private void warmUpBands(LineChart chart) {
        List<Round> warmUp = s.perRound().stream().filter(Round::warmUp).toList();
        warmUp.forEach(r -> chart.band(r.index(), Summary.name(r), Palette.WARM_UP_BAND));
        if (!warmUp.isEmpty()) {
            chart.legend(new Band(Palette.WARM_UP_BAND, "warm-up round"));
        }
    }

    /** The rounds each drill ran in, shaded (under any violation's band). */
    private void faultBands(LineChart chart) {
        boolean any = false;
        for (Fault f : s.faults()) {
            Integer first = s.roundAt(f.startedAt());
            Integer last = s.roundAt(lastSeen(f));
            if (first == null) {
                continue;
            }
            for (int round = first; round <= (last == null ? first : last); round++) {
                chart.band(round, "round " + round + ": fault " + f.name() + " running", Palette.FAULT_BAND);
                any = true;
            }
        }
        if (any) {
            chart.legend(new Band(Palette.FAULT_BAND, "fault drill running"));
        }
    }

    private void violationTable(List<Violation> list) {
        out.append(
                "<table class=\"list\"><thead><tr><th>round</th><th>invariant</th><th>detail</th></tr></thead><tbody>");
        for (Violation v : list) {
            Integer index = v.roundId() == null ? null : roundIndexById.get(v.roundId());
            out.append("<tr><td class=\"round\">")
                    .append(index == null ? "" : "#" + index + " ")
                    .append("<span class=\"id\">")
                    .append(esc(v.roundId() == null ? Text.MISSING : v.roundId()))
                    .append("</span></td><td class=\"invariant\">")
                    .append(esc(v.invariant() == null ? Text.MISSING : v.invariant()))
                    .append("</td><td class=\"detail\">")
                    .append(esc(v.detail() == null ? "" : v.detail()))
                    .append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    // ---- charts

    private void p99Chart() {
        LineChart chart = new LineChart("chart-p99", "p99 latency per step and round")
                .roundAxis("round")
                .yAxis("p99, ms", YAxis.LOG_IF_WIDE);
        List<String> steps = s.stepNames();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            String color = Palette.series(i);
            List<Point> points = new ArrayList<>();
            for (Round r : s.perRound()) {
                Stats st = r.steps().get(step);
                points.add(new Point(r.index(), st == null ? null : st.p99(), stepTip(r, step, st)));
            }
            chart.add(new Series(color, false, true, 2, "step", null, points));
            chart.legend(new Line(color, false, true, step));
        }
        warmUpBands(chart);
        faultBands(chart);
        violationBands(chart);
        String svg = chart.svg();
        section(
                "p99",
                "p99 latency per step",
                "ms, per round"
                        + (chart.logScale() ? "; log scale, the steps are orders of magnitude apart" : "")
                        + "; hover a point for p50/p95/max and errors",
                svg);
    }

    private void lagChart() {
        LineChart chart = new LineChart("chart-lag", "confirmation lag per round, p50 and p99")
                .roundAxis("round")
                .yAxis("confirmation lag, ms", YAxis.LOG_IF_WIDE);
        record Percentile(String name, String color, Function<Stats, Double> value) {}
        for (Percentile line : List.of(
                new Percentile("p50", Palette.series(4), Stats::p50),
                new Percentile("p99", Palette.series(1), Stats::p99))) {
            List<Point> points = new ArrayList<>();
            for (Round r : s.perRound()) {
                Stats lag = r.confirmationLag();
                points.add(
                        new Point(r.index(), lag == null ? null : line.value().apply(lag), lagTip(r, lag)));
            }
            chart.add(new Series(line.color(), false, true, 2, "lag", null, points));
            chart.legend(new Line(line.color(), false, true, line.name()));
        }
        warmUpBands(chart);
        faultBands(chart);
        violationBands(chart);
        String svg = chart.svg();
        section(
                "lag",
                "Confirmation lag",
                "from an accepted booking to its confirmation, ms, per round" + (chart.logScale() ? "; log scale" : ""),
                svg);
    }

    /** Bookings on their way to MySQL over the run's time: what a MySQL outage piles up, and how it drains. */
    private void backlogChart() {
        Backlog backlog = Backlog.of(s.perRound());
        Optional<Round> first = s.perRound().stream()
                .filter(r -> Text.instant(r.opensAt()) != null)
                .findFirst();
        Instant start = first.map(r -> Text.instant(r.opensAt())).orElse(null);
        String since = first.map(Summary::name).orElse("the first round");
        LineChart chart = new LineChart("chart-backlog", "bookings on their way to MySQL over the run")
                .height(300)
                .xAxis("minutes since " + since + " opened")
                .yAxis("bookings on their way", YAxis.LINEAR_FROM_ZERO);
        if (start != null && !backlog.seconds().isEmpty()) {
            Function<Instant, Double> minutes = at -> (at.toEpochMilli() - start.toEpochMilli()) / 60_000.0;
            List<Point> points = new ArrayList<>();
            for (Backlog.Second second : backlog.seconds()) {
                points.add(new Point(minutes.apply(second.at()), (double) second.most(), null));
            }
            chart.add(new Series(
                    Palette.series(0),
                    false,
                    false,
                    1.6,
                    "backlog",
                    "accepted, not yet confirmed or rejected (the most in each second)",
                    points));
            chart.legend(new Line(Palette.series(0), false, false, "accepted, not yet in MySQL"));
            backlog.peak().ifPresent(peak -> {
                chart.add(new Series(
                        Palette.BAD,
                        false,
                        true,
                        0,
                        "peak",
                        null,
                        List.of(new Point(minutes.apply(peak.at()), (double) peak.count(), peakText(peak)))));
                chart.legend(
                        new Line(Palette.BAD, false, true, "the most at once: " + Text.count((long) peak.count())));
            });
            timeSpans(chart, minutes);
        }
        String hint = "accepted (202), not yet confirmed or rejected in MySQL, the most in each second";
        if (backlog.peak().isPresent() && backlog.lastSettled().isPresent()) {
            hint += ": " + peakText(backlog.peak().get()) + "; the last settled at "
                    + Text.time(backlog.lastSettled().get().toString()) + " UTC";
        }
        hint += ". A booking that never got a row (lost) is not on this line; the violations list it.";
        section("backlog", "Bookings on their way to MySQL", hint, chart.svg());
    }

    private String peakText(Backlog.Peak peak) {
        Integer round = s.roundAt(peak.at().toString());
        return "at most " + Text.count((long) peak.count()) + " at once, at "
                + Text.time(peak.at().toString()) + " UTC" + (round == null ? "" : " (round " + round + ")");
    }

    /** Warm-up rounds and fault drills as the times they ran, on a chart whose x is minutes. */
    private void timeSpans(LineChart chart, Function<Instant, Double> minutes) {
        List<Round> rounds = s.perRound();
        boolean warmUp = false;
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            Instant opens = Text.instant(r.opensAt());
            Instant next =
                    i + 1 < rounds.size() ? Text.instant(rounds.get(i + 1).opensAt()) : null;
            if (r.warmUp() && opens != null && next != null) {
                chart.span(minutes.apply(opens), minutes.apply(next), Summary.name(r), Palette.WARM_UP_BAND);
                warmUp = true;
            }
        }
        if (warmUp) {
            chart.legend(new Band(Palette.WARM_UP_BAND, "warm-up round"));
        }
        boolean fault = false;
        for (Fault f : s.faults()) {
            Instant from = Text.instant(f.startedAt());
            Instant to = Text.instant(lastSeen(f));
            if (from != null) {
                chart.span(
                        minutes.apply(from),
                        minutes.apply(to == null ? from : to),
                        "fault " + f.name() + " running",
                        Palette.FAULT_BAND);
                fault = true;
            }
        }
        if (fault) {
            chart.legend(new Band(Palette.FAULT_BAND, "fault drill running"));
        }
    }

    private void memoryCharts() {
        LineChart heap = memoryChart(
                "chart-heap", "heap after GC, MB", s.heapServices(), Round::heapMb, s.heapSlopeByService(), 340);
        section(
                "heap",
                "Heap after GC per service",
                "MB, per round; dashed: each service's least-squares trend, its slope in the legend",
                heap.svg());
        if (!s.rssServices().isEmpty()) {
            LineChart rss = memoryChart("chart-rss", "RSS, MB", s.rssServices(), Round::rssMb, Map.of(), 240);
            section("rss", "Resident set size per service", "MB, per round; dashed: least-squares trend", rss.svg());
        }
    }

    private LineChart memoryChart(
            String id,
            String yTitle,
            List<String> services,
            Function<Round, Map<String, Double>> values,
            Map<String, Double> givenSlopes,
            int height) {
        LineChart chart = new LineChart(id, yTitle + " per service and round")
                .height(height)
                .roundAxis("round")
                .yAxis(yTitle, YAxis.LINEAR_TIGHT);
        for (int i = 0; i < services.size(); i++) {
            String svc = services.get(i);
            String color = Palette.series(i);
            List<Point> points = new ArrayList<>();
            List<Trend.Sample> samples = new ArrayList<>();
            // as the slope in summary.json: the measured rounds only, after the service's last restart's round
            List<Long> pids = s.perRound().stream().map(r -> r.pids().get(svc)).toList();
            int start = Slope.lastStart(pids);
            int from = Slope.trendFrom(pids);
            for (int p = 0; p < s.perRound().size(); p++) {
                Round r = s.perRound().get(p);
                Double mb = values.apply(r).get(svc);
                points.add(
                        new Point(r.index(), mb, Summary.name(r) + " \u00b7 " + svc + ": " + Text.number(mb) + " MB"));
                if (mb != null && !r.warmUp() && p >= from) {
                    samples.add(new Trend.Sample(r.index(), mb));
                }
            }
            String since = start > 0
                    ? " (restarted in round " + s.perRound().get(start).index() + ": fitted after it)"
                    : "";
            Double given = givenSlopes.get(svc);
            Optional<Trend> trend = given != null ? Trend.withSlope(given, samples) : Trend.fit(samples);
            Double slope = given != null ? given : trend.map(Trend::slope).orElse(null);
            chart.add(new Series(color, false, true, 2, "service", null, points));
            trend.ifPresent(t -> {
                double first = samples.getFirst().x();
                double last = samples.getLast().x();
                String tip = svc + " trend: " + Text.signed(t.slope()) + " MB/round" + since;
                chart.add(new Series(
                        color,
                        true,
                        false,
                        1.6,
                        "trend",
                        tip,
                        List.of(new Point(first, t.at(first), null), new Point(last, t.at(last), null))));
            });
            chart.legend(new Line(
                    color,
                    false,
                    true,
                    svc + " " + (slope == null ? "slope n/a" : Text.signed(slope) + " MB/round") + since));
        }
        if (!services.isEmpty()) {
            chart.legend(new Line(Palette.REFERENCE, true, false, "least-squares trend"));
        }
        warmUpBands(chart);
        faultBands(chart);
        return chart;
    }

    private void sellOutChart() {
        LineChart chart = new LineChart("chart-sellout", "seats sold over the seconds since each round opened")
                .xAxis("seconds since the round opened")
                .yAxis("seats sold", YAxis.LINEAR_FROM_ZERO);
        List<Round> withCurve =
                s.perRound().stream().filter(r -> !r.sellOut().isEmpty()).toList();
        int firstIndex = withCurve.isEmpty() ? 0 : withCurve.getFirst().index();
        int lastIndex = withCurve.isEmpty() ? 0 : withCurve.getLast().index();
        for (Round r : withCurve) {
            double t = lastIndex == firstIndex ? 1 : (double) (r.index() - firstIndex) / (lastIndex - firstIndex);
            // a step curve: the count holds until the next sale
            List<Point> points = new ArrayList<>();
            double sold = 0;
            points.add(new Point(0, 0.0, null));
            for (SellOutPoint p : r.sellOut()) {
                double x = Math.max(0, p.ms() / 1000);
                points.add(new Point(x, sold, null));
                sold = p.seatsSold();
                points.add(new Point(x, sold, null));
            }
            chart.add(new Series(Palette.ramp(t), false, false, 1.8, "round", sellOutTip(r, sold), points));
        }
        TreeSet<Long> seats = new TreeSet<>();
        s.perRound().stream().map(Round::seats).filter(Objects::nonNull).forEach(seats::add);
        if (seats.isEmpty() && s.settings().containsKey("seats")) {
            Optional.ofNullable(parseLong(s.settings().get("seats"))).ifPresent(seats::add);
        }
        seats.forEach(n -> chart.reference(n, Text.count(n) + " seats"));
        if (withCurve.size() > 1) {
            chart.legend(new Ramp(
                    Palette.EARLY_ROUND, Palette.LATE_ROUND, "round " + firstIndex + " \u2192 round " + lastIndex));
        } else if (withCurve.size() == 1) {
            chart.legend(new Line(Palette.ramp(1), false, false, "round " + firstIndex));
        }
        if (!seats.isEmpty()) {
            chart.legend(new Line(Palette.REFERENCE, true, false, "seats on sale"));
        }
        section(
                "sellout",
                "Sell-out",
                "seats sold since each round opened, one line per round, early rounds light, late rounds dark",
                chart.svg());
    }

    private void violationBands(LineChart chart) {
        boolean any = false;
        for (Round r : s.perRound()) {
            int n = r.violations() == null ? 0 : r.violations().size();
            if (n > 0) {
                chart.band(r.index(), Summary.name(r) + ": " + Text.plural(n, "violation"), Palette.BAD_BAND);
                any = true;
            }
        }
        if (any) {
            chart.legend(new Band(Palette.BAD_BAND, "round with a violation"));
        }
    }

    private void section(String id, String title, String hint, String svg) {
        out.append("<section class=\"card\" id=\"")
                .append(id)
                .append("\"><h2>")
                .append(esc(title))
                .append("</h2><p class=\"hint\">")
                .append(esc(hint))
                .append("</p>")
                .append(svg)
                .append("</section>\n");
    }

    // ---- table

    /** Three tables, outcomes, latencies and memory, so that each fits a 1,280 px window without scrolling sideways. */
    private void table() {
        List<String> steps = s.stepNames();
        List<String> heap = s.heapServices();
        List<String> rss = s.rssServices();
        out.append("<section class=\"card\" id=\"rounds\"><h2>Per round</h2><p class=\"hint\">")
                .append("the numbers behind the charts; late: admitted players the round closed on before they booked;")
                .append(" released: admitted players whose place went to the next in line while they were quiet"
                        + " (maxActive);")
                .append(
                        " errors: players whose journey ended on an error (refused, 5xx, timed out; Gatling's report has")
                .append(" each);")
                .append(" booked, confirmed and rejected are the players' bookings,")
                .append(" bots the bots' accepted / confirmed (hover for the rest), lost both; hover a step cell for")
                .append(" its p50/p95/max and errors");
        if (gatling != null) {
            out.append(" \u00b7 ").append(gatlingAnchor());
        }
        out.append("</p>");

        out.append("<div class=\"table-wrap\"><table class=\"rounds\" id=\"outcomes\"><thead><tr class=\"groups\">");
        group("round", 2);
        group("players", 6);
        group("bookings", 7);
        group("sell-out", 2);
        group("", 1);
        out.append("</tr><tr>");
        headers(List.of(
                "#",
                "id (opened, UTC)",
                "players",
                "admitted",
                "late",
                "released",
                "no seat",
                "errors",
                "booked",
                "confirmed",
                "rejected",
                "bots",
                "lost",
                "oversold",
                "DLQ",
                "sold",
                "sold out, s",
                "violations"));
        out.append("</tr></thead><tbody>");
        for (Round r : s.perRound()) {
            int violations = row(r);
            cell(
                    r.roundId() == null ? Text.MISSING : r.roundId(),
                    false,
                    r.opensAt() == null ? null : "opened " + r.opensAt());
            cell(Text.count(r.players()), false, null);
            cell(Text.count(r.admitted()), false, null);
            cell(
                    Text.count(r.late()),
                    false,
                    positive(r.late()) ? "admitted, but the round closed before they booked" : null);
            cell(
                    Text.count(r.placeReleased()),
                    false,
                    positive(r.placeReleased())
                            ? "quiet for admission's active timeout while the round was full (maxActive): their place"
                                    + " went to the next in line, and their next move was refused"
                            : null);
            cell(Text.count(r.noSeat()), false, null);
            cell(
                    Text.count(r.errors()),
                    false,
                    positive(r.errors()) ? "journeys that ended on an error: the step cells say where" : null);
            cell(Text.count(r.booked()), false, null);
            cell(Text.count(r.confirmed()), false, null);
            cell(Text.count(r.rejected()), false, null);
            Bots bots = r.bots();
            cell(
                    bots == null ? Text.MISSING : Text.count(bots.accepted()) + " / " + Text.count(bots.confirmed()),
                    bots != null && positive(bots.lost()),
                    bots == null ? null : Summary.name(r) + " \u00b7 bots: " + botsTip(bots));
            cell(Text.count(r.lost()), positive(r.lost()), null);
            cell(Text.count(r.oversold()), positive(r.oversold()), null);
            cell(Text.count(r.dlq()), positive(r.dlq()), null);
            cell(Text.count(r.seatsSold()) + " / " + Text.count(r.seats()), false, null);
            cell(Text.seconds(r.soldOutMs()), false, null);
            cell(r.violations() == null ? Text.MISSING : String.valueOf(violations), violations > 0, null);
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");

        out.append("<div class=\"table-wrap\"><table class=\"rounds\" id=\"latencies\"><thead><tr class=\"groups\">");
        group("", 1);
        group("confirmation lag, ms", 2);
        group("p99 per step, ms", steps.size());
        out.append("</tr><tr>");
        headers(List.of("#", "p50", "p99"));
        headers(steps);
        out.append("</tr></thead><tbody>");
        for (Round r : s.perRound()) {
            row(r);
            cell(
                    Text.number(
                            r.confirmationLag() == null
                                    ? null
                                    : r.confirmationLag().p50()),
                    false,
                    null);
            cell(
                    Text.number(
                            r.confirmationLag() == null
                                    ? null
                                    : r.confirmationLag().p99()),
                    false,
                    null);
            for (String step : steps) {
                Stats st = r.steps().get(step);
                boolean errors = st != null && positive(st.errors());
                String text = Text.number(st == null ? null : st.p99()) + (errors ? " (" + st.errors() + " err)" : "");
                cell(text, errors, st == null ? null : stepTip(r, step, st));
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");

        out.append("<div class=\"table-wrap\"><table class=\"rounds\" id=\"memory\"><thead><tr class=\"groups\">");
        group("", 1);
        group("heap after GC, MB", heap.size());
        group("RSS, MB", rss.size());
        out.append("</tr><tr>");
        headers(List.of("#"));
        headers(heap);
        headers(rss);
        out.append("</tr></thead><tbody>");
        for (Round r : s.perRound()) {
            row(r);
            heap.forEach(svc -> cell(Text.number(r.heapMb().get(svc)), false, null));
            rss.forEach(svc -> cell(Text.number(r.rssMb().get(svc)), false, null));
            out.append("</tr>");
        }
        out.append("</tbody></table></div></section>\n");
    }

    /** Opens a round's row, marked when the round broke an invariant, with its index; returns its violations. */
    private int row(Round r) {
        int violations = r.violations() == null ? 0 : r.violations().size();
        out.append(violations > 0 ? "<tr class=\"bad-row\">" : "<tr>");
        cell(
                r.warmUp() ? r.index() + " warm-up" : String.valueOf(r.index()),
                false,
                violations > 0 ? Text.plural(violations, "violation") : r.warmUp() ? WARM_UP_TIP : null);
        return violations;
    }

    private void headers(List<String> names) {
        names.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
    }

    private void group(String title, int span) {
        if (span > 0) {
            out.append("<th colspan=\"")
                    .append(span)
                    .append("\">")
                    .append(esc(title))
                    .append("</th>");
        }
    }

    private void cell(String text, boolean bad, String tip) {
        out.append(bad ? "<td class=\"bad\"" : "<td");
        if (tip != null) {
            out.append(" title=\"").append(esc(tip)).append('"');
        }
        out.append('>').append(esc(text)).append("</td>");
    }

    // ---- bits

    private String gatlingAnchor() {
        return "<a class=\"gatling\" href=\"" + esc(gatling.href()) + "\">Gatling report</a>"
                + (gatling.found() ? "" : " <span class=\"missing\">(not found when this page was written)</span>");
    }

    private static String stepTip(Round r, String step, Stats st) {
        if (st == null) {
            return Summary.name(r) + " \u00b7 " + step + ": no data";
        }
        return Summary.name(r) + " \u00b7 " + step + " p99 " + Text.number(st.p99()) + " ms (p50 "
                + Text.number(st.p50()) + ", p95 " + Text.number(st.p95()) + ", max " + Text.number(st.max())
                + ") \u00b7 " + Text.count(st.count()) + " requests, " + Text.count(st.errors()) + " errors";
    }

    private static String botsTip(Bots bots) {
        return Text.count(bots.accepted()) + " accepted (202): " + Text.count(bots.confirmed()) + " confirmed, "
                + Text.count(bots.rejected()) + " rejected, " + Text.count(bots.lost()) + " lost";
    }

    private static String lagTip(Round r, Stats lag) {
        if (lag == null) {
            return Summary.name(r) + ": no confirmation lag";
        }
        return Summary.name(r) + " \u00b7 confirmation lag p50 " + Text.number(lag.p50()) + " ms, p95 "
                + Text.number(lag.p95()) + ", p99 " + Text.number(lag.p99()) + ", max " + Text.number(lag.max())
                + " \u00b7 " + Text.count(lag.count()) + " confirmations";
    }

    private static String sellOutTip(Round r, double lastSold) {
        String sold = r.seatsSold() != null ? Text.count(r.seatsSold()) : Text.number(lastSold);
        String of = r.seats() != null ? " of " + Text.count(r.seats()) : "";
        String when = r.soldOutMs() != null ? ", sold out after " + Text.seconds(r.soldOutMs()) + " s" : "";
        return Summary.name(r) + (r.roundId() == null ? "" : " (" + r.roundId() + ")") + ": " + sold + of
                + " seats sold" + when;
    }

    private static String verdictWord(Verdict v) {
        return v == Verdict.NO_VERDICT ? "NO VERDICT" : v.name();
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }

    private static Long parseLong(String s) {
        try {
            return Math.round(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The page's styles, which the comparison page shares. */
    static final String CSS = """
            :root{--ink:#1d2430;--muted:#5b6575;--line:#e3e6ea;--bad:#c62828;--bad-bg:#fdecec;--ok:#2e8b57}
            *{box-sizing:border-box}
            body{margin:0;background:#f3f4f6;color:var(--ink);\
            font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
            main{max-width:1200px;margin:0 auto;padding:20px 20px 48px}
            a{color:#1f5fa8}
            .headline{display:flex;gap:22px;align-items:center;background:#fff;border:1px solid var(--line);\
            border-left:12px solid;border-radius:10px;padding:16px 22px}
            .headline.pass{border-left-color:var(--ok)}
            .headline.fail{border-left-color:var(--bad);background:#fff7f7}
            .headline.unknown{border-left-color:#7a8494}
            .verdict{font-size:44px;font-weight:800;letter-spacing:.04em;color:#fff;padding:4px 22px;\
            border-radius:8px;white-space:nowrap}
            .pass .verdict{background:var(--ok)}
            .fail .verdict{background:var(--bad)}
            .unknown .verdict{background:#7a8494;font-size:28px}
            h1{font-size:22px;margin:0 0 4px}
            h1 .why{font-weight:500;color:var(--muted)}
            .fail h1 .why{color:var(--bad)}
            .meta{margin:0 0 6px;color:var(--muted)}
            .chips{margin:0;display:flex;flex-wrap:wrap;gap:6px}
            .chip{background:#eef1f5;border-radius:12px;padding:1px 10px;font-size:12.5px;color:var(--muted)}
            .chip b{color:var(--ink);font-weight:600}
            .skipped{margin:6px 0 0;font-size:12.5px;color:var(--muted)}
            .gatling-failed{margin:6px 0 0;padding-left:18px;font-size:13px}
            .missing{color:var(--muted);font-size:12px}
            .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(100px,1fr));gap:10px;margin:14px 0}
            .tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:9px 12px}
            .tile .value{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap}
            .tile .label{color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.06em}
            .tile.bad{background:var(--bad-bg);border-color:#f1aaaa}
            .tile.bad .value,.tile.bad .label{color:var(--bad)}
            .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin:14px 0}
            h2{font-size:17px;margin:0}
            .hint{color:var(--muted);margin:2px 0 8px;font-size:12.5px}
            .violations{border-color:#f1aaaa}
            .violations h2{color:var(--bad)}
            .faults{border-color:#f3d9a4}
            p.fault{margin:10px 0 2px}
            p.held{margin:2px 0 6px;color:#374151}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            th,td{padding:4px 9px;border-bottom:1px solid #edf0f3;text-align:right;white-space:nowrap}
            th{font-weight:600;color:var(--muted);font-size:12px}
            table.list{width:100%;margin-top:6px}
            table.list th,table.list td{text-align:left}
            table.list td.detail{white-space:normal;font-family:ui-monospace,"DejaVu Sans Mono",monospace;\
            font-size:12.5px}
            table.list td.invariant{color:var(--bad);font-weight:700}
            .id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--muted)}
            details summary{cursor:pointer;color:#1f5fa8;margin-top:6px}
            .table-wrap{overflow-x:auto;margin-top:10px}
            table.rounds{font-size:12.5px}
            table.rounds th,table.rounds td{padding:4px 7px}
            table.rounds thead tr:not(.groups) th{white-space:normal;vertical-align:bottom}
            table.rounds tr.groups th{text-align:center;color:var(--ink);border-bottom:2px solid var(--line)}
            table.rounds tbody tr:nth-child(even){background:#fafbfc}
            table.rounds tbody tr:hover{background:#eef4fb}
            table.rounds tr.bad-row td:first-child{box-shadow:inset 4px 0 var(--bad)}
            table.rounds td:first-child,table.rounds tr:not(.groups) th:first-child{position:sticky;left:0;\
            background:inherit;z-index:1}
            table.rounds tbody tr,table.rounds thead th{background:#fff}
            td.bad{color:var(--bad);font-weight:700;background:var(--bad-bg)}
            svg.chart{display:block;width:100%;height:auto}
            svg.chart text{font-size:12.5px;fill:#3b4452}
            svg.chart .axis-title{font-size:13px;fill:var(--muted)}
            svg.chart .empty{font-size:15px;fill:var(--muted)}
            svg.chart rect.plot{fill:#fcfcfd}
            svg.chart .grid line{stroke:#e4e7eb}
            svg.chart .grid line.v{stroke:#f0f2f4}
            svg.chart .axis{stroke:#9aa3af;fill:none}
            svg.chart .reference{stroke:#6b7280;stroke-width:1.5;stroke-dasharray:8 5}
            svg.chart .reference-label{fill:#4b5563;font-weight:600}
            svg.chart polyline{fill:none;stroke-linejoin:round;stroke-linecap:round}
            svg.chart .series:hover polyline{stroke-width:3.5}
            svg.chart polyline.round:hover{stroke-width:4;stroke:#e8871e}
            svg.chart circle.pt{stroke:#fff;stroke-width:1}
            svg.chart circle.pt:hover{r:6}
            #tip{position:fixed;display:none;max-width:460px;background:#1d2430;color:#fff;padding:5px 9px;\
            border-radius:5px;font-size:12.5px;pointer-events:none;z-index:10;box-shadow:0 2px 8px rgba(0,0,0,.25)}
            """;

    /** SVG titles become quick tooltips; no angle brackets or ampersands, so XML parsers read the page too. */
    private static final String SCRIPT = """
            (function () {
              var tip = document.getElementById('tip');
              document.querySelectorAll('svg title').forEach(function (t) {
                t.parentNode.setAttribute('data-tip', t.textContent);
                t.parentNode.removeChild(t);
              });
              document.addEventListener('mousemove', function (e) {
                var el = e.target.closest ? e.target.closest('[data-tip]') : null;
                if (!el) { tip.style.display = 'none'; return; }
                tip.textContent = el.getAttribute('data-tip');
                tip.style.display = 'block';
                var x = e.clientX + 14;
                if (x + tip.offsetWidth > window.innerWidth - 8) { x = e.clientX - tip.offsetWidth - 14; }
                tip.style.left = x + 'px';
                tip.style.top = (e.clientY + 14) + 'px';
              });
            })();
            """;
}
