package dev.ticketingwarrior.perf.report;

import static dev.ticketingwarrior.perf.report.Text.esc;

import dev.ticketingwarrior.perf.report.RunComparison.Change;
import dev.ticketingwarrior.perf.report.RunComparison.Comparison;
import dev.ticketingwarrior.perf.report.RunComparison.Context;
import dev.ticketingwarrior.perf.report.RunComparison.Run;
import dev.ticketingwarrior.perf.report.RunComparison.StepLine;
import dev.ticketingwarrior.perf.report.RunComparison.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The HTML of {@code perf/soak compare}: a verdict, each step's p99 in both runs as bars on one log scale (a regressed
 * step's in red), and the tables the console prints. Self-contained and XHTML-compatible like the soak report, whose
 * styles it shares.
 */
final class ComparisonPage {

    private static final int WIDTH = 1000;
    private static final int LABEL = 150;
    private static final int VALUE_ROOM = 80;
    private static final int ROW = 34;
    private static final int BAR = 12;
    private static final int TOP = 28;
    private static final int AXIS = 34;

    private static final String CSS = """
            .headline.worse{border-left-color:var(--bad);background:#fff7f7}
            .headline.same{border-left-color:var(--ok)}
            .worse .verdict{background:var(--bad)}
            .same .verdict{background:var(--ok)}
            .worse h1 .why{color:var(--bad)}
            .runs{margin:4px 0 0;color:var(--muted)}
            .runs b{color:var(--ink)}
            .unlike{margin:8px 0 0;color:#8a5a00;font-size:13px}
            .legend{display:flex;gap:16px;font-size:12.5px;color:var(--muted);margin:4px 0 0}
            .legend i{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:middle}
            table.compare td:first-child,table.compare th:first-child{text-align:left}
            td.better{color:var(--ok);font-weight:600}
            """;

    private final Comparison c;
    private final Tolerance tolerance;
    private final StringBuilder out = new StringBuilder(16 * 1024);

    private ComparisonPage(Comparison comparison, Tolerance tolerance) {
        this.c = comparison;
        this.tolerance = tolerance;
    }

    static String render(Comparison comparison, Run base, Run run, Tolerance tolerance) {
        return new ComparisonPage(comparison, tolerance).page(base, run);
    }

    /** The headline's reason: what was worse, or why nothing is judged. */
    private static String why(boolean judged, List<String> regressions) {
        if (!judged) {
            return "the runs are not like for like; " + RunComparison.unjudged(regressions);
        }
        return regressions.isEmpty()
                ? "nothing worse beyond the spread"
                : Text.plural(regressions.size(), "regression") + " beyond the spread: "
                        + String.join(", ", regressions);
    }

    private String page(Run base, Run run) {
        List<String> regressions = c.regressions();
        boolean worse = !regressions.isEmpty();
        // two runs that ran different things are shown side by side, not judged (as the console says, exit 5)
        boolean judged = c.differences().isEmpty();
        String verdict = !judged ? "NOT JUDGED" : worse ? "WORSE" : "OK";
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>")
                .append(verdict)
                .append(" \u00b7 soak compare</title><style>")
                .append(SoakPage.CSS)
                .append(CSS)
                .append("</style></head><body><main>\n");
        out.append("<header class=\"headline ")
                .append(!judged ? "unknown" : worse ? "worse" : "same")
                .append("\"><div class=\"verdict\" id=\"verdict\">")
                .append(verdict)
                .append("</div><div class=\"what\"><h1>Soak compare <span class=\"why\">\u2014 ")
                .append(esc(why(judged, regressions)))
                .append("</span></h1><p class=\"meta\">beyond the spread: ")
                .append(esc(tolerance.describe()))
                .append("; measured rounds only, a p99 is the median of the rounds' p99s</p>")
                .append("<p class=\"runs\">base <b>")
                .append(esc(base.describe()))
                .append("</b><br/>run <b>")
                .append(esc(run.describe()))
                .append("</b></p>");
        if (!c.differences().isEmpty()) {
            out.append("<p class=\"unlike\">Not like for like: ")
                    .append(esc(String.join("; ", c.differences())))
                    .append("</p>");
        }
        out.append("</div></header>\n");
        chart();
        stepTable();
        contextTable();
        out.append("</main></body></html>\n");
        return out.toString();
    }

    private List<StepLine> lines() {
        List<StepLine> lines = new ArrayList<>(c.steps());
        lines.add(c.confirmationLag());
        return lines;
    }

    private void chart() {
        List<StepLine> lines = lines();
        List<Double> values = lines.stream()
                .flatMap(l -> Stream.of(l.baseP99(), l.runP99()))
                .filter(Objects::nonNull)
                .filter(v -> v > 0)
                .toList();
        out.append("<section class=\"card\"><h2>p99 per step, base and run</h2>")
                .append("<p class=\"hint\">milliseconds, log scale; red: slower beyond the spread</p>")
                .append("<div class=\"legend\"><span><i style=\"background:")
                .append(Palette.REFERENCE)
                .append("\"></i>base</span><span><i style=\"background:")
                .append(Palette.series(0))
                .append("\"></i>run</span><span><i style=\"background:")
                .append(Palette.BAD)
                .append("\"></i>run, slower beyond the spread</span></div>");
        int height = TOP + lines.size() * ROW + AXIS;
        out.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" id=\"p99-compare\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"p99 per step, base and run\">",
                WIDTH,
                height));
        if (values.isEmpty()) {
            out.append("<text class=\"empty\" x=\"20\" y=\"40\">no step has a p99 in both summaries</text></svg>")
                    .append("</section>\n");
            return;
        }
        Scale scale = Scale.Log.around(
                values.stream().min(Double::compare).orElseThrow(),
                values.stream().max(Double::compare).orElseThrow());
        double plot = WIDTH - LABEL - VALUE_ROOM;
        int bottom = TOP + lines.size() * ROW;
        out.append("<g class=\"grid\">");
        for (double tick : scale.ticks()) {
            double x = LABEL + plot * scale.fraction(tick);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x,
                    TOP - 6,
                    x,
                    bottom,
                    x,
                    bottom + 18,
                    esc(scale.label(tick))));
        }
        out.append("</g>");
        int y = TOP;
        for (StepLine line : lines) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 10,
                    y + BAR + 4,
                    esc(line.step())));
            bar(scale, plot, y + 4, line.baseP99(), Palette.REFERENCE, line.step() + ", base");
            String colour = line.latency() == Change.WORSE ? Palette.BAD : Palette.series(0);
            bar(scale, plot, y + 4 + BAR + 2, line.runP99(), colour, line.step() + ", run");
            y += ROW;
        }
        out.append("</svg></section>\n");
    }

    private void bar(Scale scale, double plot, int y, Double value, String colour, String what) {
        if (value == null) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text class=\"missing\" x=\"%d\" y=\"%d\">%s: not measured</text>",
                    LABEL + 4,
                    y + BAR - 2,
                    esc(what)));
            return;
        }
        double w = Math.max(2, plot * scale.fraction(value));
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: p99 %s ms</title></rect>"
                        + "<text x=\"%.1f\" y=\"%d\">%s</text>",
                LABEL,
                y,
                w,
                BAR,
                colour,
                esc(what),
                esc(Text.number(value)),
                LABEL + w + 5,
                y + BAR - 1,
                esc(Text.number(value))));
    }

    private void stepTable() {
        out.append(
                        "<section class=\"card\"><h2>Steps</h2><div class=\"table-wrap\"><table class=\"compare\" id=\"steps\">")
                .append("<thead><tr><th>step</th><th>p99 base (ms)</th><th>p99 run (ms)</th><th>change</th>")
                .append("<th>errors base</th><th>errors run</th><th>change</th></tr></thead><tbody>");
        for (StepLine line : lines()) {
            out.append("<tr><td>").append(esc(line.step())).append("</td>");
            cell(Text.number(line.baseP99()), null);
            cell(Text.number(line.runP99()), null);
            cell(RunComparison.percentChange(line.baseP99(), line.runP99()), line.latency());
            cell(RunComparison.percent(line.baseErrors()), null);
            cell(RunComparison.percent(line.runErrors()), null);
            cell(RunComparison.pointChange(line.baseErrors(), line.runErrors()), line.errors());
            out.append("</tr>");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private void contextTable() {
        out.append("<section class=\"card\"><h2>For context</h2>")
                .append(
                        "<p class=\"hint\">shown, never judged</p><div class=\"table-wrap\"><table class=\"compare\" id=\"context\">")
                .append("<thead><tr><th></th><th>base</th><th>run</th><th>change</th></tr></thead><tbody>");
        for (Context context : c.context()) {
            out.append("<tr><td>").append(esc(context.measure())).append("</td>");
            cell(Text.number(context.base()), null);
            cell(Text.number(context.run()), null);
            cell(RunComparison.change(context), null);
            out.append("</tr>");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private void cell(String text, Change change) {
        String css = change == Change.WORSE ? " class=\"bad\"" : change == Change.BETTER ? " class=\"better\"" : "";
        out.append("<td").append(css).append('>').append(esc(text)).append("</td>");
    }
}
