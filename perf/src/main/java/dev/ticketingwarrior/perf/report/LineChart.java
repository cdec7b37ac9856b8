package dev.ticketingwarrior.perf.report;

import static dev.ticketingwarrior.perf.report.Text.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * One inline SVG line chart: axes with ticks, gridlines, a legend on the right, optional horizontal reference lines
 * and shaded x bands. A point's tip becomes an SVG {@code <title>} (the page's script turns those into quick
 * tooltips). A series may have gaps (null y), which break its line instead of dropping to zero.
 */
final class LineChart {

    static final int WIDTH = 1160;
    private static final int LEFT = 72;
    private static final int TOP = 14;
    private static final int BOTTOM = 50;
    private static final int LEGEND_GAP = 26;
    private static final int LEGEND_WIDTH = 220;
    private static final int LEGEND_ROW = 20;
    private static final int LEGEND_TEXT_CHARS = 30;
    /** Above this ratio of largest to smallest positive value, a LOG_IF_WIDE axis goes logarithmic. */
    private static final double WIDE = 30;

    enum YAxis {
        LINEAR_FROM_ZERO,
        LINEAR_TIGHT,
        LOG_IF_WIDE
    }

    record Point(double x, Double y, String tip) {}

    /** {@code tip} is the whole line's tooltip (for lines without markers); {@code cssClass} marks it for tests. */
    record Series(
            String color,
            boolean dashed,
            boolean markers,
            double strokeWidth,
            String cssClass,
            String tip,
            List<Point> points) {}

    sealed interface LegendItem permits Line, Ramp, Band {}

    record Line(String color, boolean dashed, boolean marker, String text) implements LegendItem {}

    /** A colour gradient, e.g. from the first round's colour to the last's. */
    record Ramp(String from, String to, String text) implements LegendItem {}

    record Band(String color, String text) implements LegendItem {}

    record Reference(double y, String label) {}

    private final String id;
    private final String description;
    private int height = 360;
    private String xTitle = "";
    private String yTitle = "";
    private boolean roundAxis;
    private YAxis yAxis = YAxis.LINEAR_FROM_ZERO;
    private final List<Series> series = new ArrayList<>();
    private final List<LegendItem> legend = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Shade> bands = new ArrayList<>();
    private boolean logUsed;

    LineChart(String id, String description) {
        this.id = id;
        this.description = description;
    }

    LineChart height(int height) {
        this.height = height;
        return this;
    }

    /** X values are round indexes: whole-number ticks and half a round of room at either end. */
    LineChart roundAxis(String title) {
        this.roundAxis = true;
        this.xTitle = title;
        return this;
    }

    LineChart xAxis(String title) {
        this.roundAxis = false;
        this.xTitle = title;
        return this;
    }

    LineChart yAxis(String title, YAxis kind) {
        this.yTitle = title;
        this.yAxis = kind;
        return this;
    }

    LineChart add(Series s) {
        series.add(s);
        return this;
    }

    LineChart legend(LegendItem item) {
        legend.add(item);
        return this;
    }

    LineChart reference(double y, String label) {
        references.add(new Reference(y, label));
        return this;
    }

    /** A shaded band one unit wide centred on x (a round), with a tooltip; drawn in the order given. */
    LineChart band(double x, String tip, String color) {
        return span(x - 0.5, x + 0.5, tip, color);
    }

    /** A shaded band from x {@code from} to x {@code to}, with a tooltip; drawn in the order given. */
    LineChart span(double from, double to, String tip, String color) {
        bands.add(new Shade(from, to, tip, color));
        return this;
    }

    private record Shade(double from, double to, String tip, String color) {}

    /** Whether the last {@link #svg()} drew a logarithmic y axis. */
    boolean logScale() {
        return logUsed;
    }

    String svg() {
        List<Point> drawn = series.stream()
                .flatMap(s -> s.points().stream())
                .filter(p -> p.y() != null)
                .toList();
        int h = Math.max(height, TOP + legendHeight() + 12);
        double plotLeft = LEFT;
        double plotRight = WIDTH - LEGEND_WIDTH - LEGEND_GAP;
        double plotTop = TOP;
        double plotBottom = h - BOTTOM;

        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(esc(id))
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(h)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(description))
                .append("\">");
        out.append("<rect class=\"plot\" x=\"")
                .append(n(plotLeft))
                .append("\" y=\"")
                .append(n(plotTop))
                .append("\" width=\"")
                .append(n(plotRight - plotLeft))
                .append("\" height=\"")
                .append(n(plotBottom - plotTop))
                .append("\"/>");

        if (drawn.isEmpty()) {
            logUsed = false;
            out.append("<text class=\"empty\" x=\"")
                    .append(n((plotLeft + plotRight) / 2))
                    .append("\" y=\"")
                    .append(n((plotTop + plotBottom) / 2))
                    .append("\" text-anchor=\"middle\">no data in summary.json</text>");
            axisTitles(out, plotLeft, plotRight, plotTop, plotBottom, h);
            legend(out, plotRight + LEGEND_GAP, plotTop);
            return out.append("</svg>").toString();
        }

        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double minPositiveY = Double.POSITIVE_INFINITY;
        for (Point p : drawn) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
            if (p.y() > 0) {
                minPositiveY = Math.min(minPositiveY, p.y());
            }
        }
        for (Reference r : references) {
            minY = Math.min(minY, r.y());
            maxY = Math.max(maxY, r.y());
        }
        Scale xs = roundAxis ? Scale.Linear.rounds(minX, maxX) : Scale.Linear.around(minX, maxX, true, 10);
        logUsed = yAxis == YAxis.LOG_IF_WIDE && Double.isFinite(minPositiveY) && maxY / minPositiveY >= WIDE;
        Scale ys = logUsed
                ? Scale.Log.around(minPositiveY, maxY)
                : Scale.Linear.around(minY, maxY, yAxis != YAxis.LINEAR_TIGHT, 6);

        double plotW = plotRight - plotLeft;
        double plotH = plotBottom - plotTop;
        DoubleUnaryOperator px = x -> plotLeft + xs.fraction(x) * plotW;
        DoubleUnaryOperator py = y -> plotBottom - ys.fraction(y) * plotH;

        for (Shade b : bands) {
            double x0 = px.applyAsDouble(b.from());
            double x1 = px.applyAsDouble(b.to());
            out.append("<rect class=\"band\" fill=\"")
                    .append(b.color())
                    .append("\" x=\"")
                    .append(n(x0))
                    .append("\" y=\"")
                    .append(n(plotTop))
                    .append("\" width=\"")
                    .append(n(Math.max(1, x1 - x0)))
                    .append("\" height=\"")
                    .append(n(plotH))
                    .append("\"><title>")
                    .append(esc(b.tip()))
                    .append("</title></rect>");
        }

        out.append("<g class=\"grid\">");
        for (double t : ys.ticks()) {
            double y = py.applyAsDouble(t);
            openLine(out, null, plotLeft, plotRight, y, y).append("\"/>");
        }
        for (double t : xs.ticks()) {
            double x = px.applyAsDouble(t);
            openLine(out, "v", x, x, plotTop, plotBottom).append("\"/>");
        }
        out.append("</g>");

        out.append("<g class=\"ticks\">");
        for (double t : ys.ticks()) {
            out.append("<text x=\"")
                    .append(n(plotLeft - 8))
                    .append("\" y=\"")
                    .append(n(py.applyAsDouble(t) + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(esc(ys.label(t)))
                    .append("</text>");
        }
        for (double t : xs.ticks()) {
            double x = px.applyAsDouble(t);
            openLine(out, "axis", x, x, plotBottom, plotBottom + 5)
                    .append("\"/><text x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(n(plotBottom + 19))
                    .append("\" text-anchor=\"middle\">")
                    .append(esc(xs.label(t)))
                    .append("</text>");
        }
        out.append("</g>");
        out.append("<path class=\"axis\" d=\"M")
                .append(n(plotLeft))
                .append(' ')
                .append(n(plotTop))
                .append("V")
                .append(n(plotBottom))
                .append("H")
                .append(n(plotRight))
                .append("\"/>");
        axisTitles(out, plotLeft, plotRight, plotTop, plotBottom, h);

        for (Reference r : references) {
            double y = py.applyAsDouble(r.y());
            openLine(out, "reference", plotLeft, plotRight, y, y)
                    .append("\"/><text class=\"reference-label\" x=\"")
                    .append(n(plotRight - 6))
                    .append("\" y=\"")
                    .append(n(y - 6))
                    .append("\" text-anchor=\"end\">")
                    .append(esc(r.label()))
                    .append("</text>");
        }

        String clip = id + "-clip";
        out.append("<clipPath id=\"")
                .append(esc(clip))
                .append("\"><rect x=\"")
                .append(n(plotLeft - 7))
                .append("\" y=\"")
                .append(n(plotTop - 7))
                .append("\" width=\"")
                .append(n(plotW + 14))
                .append("\" height=\"")
                .append(n(plotH + 14))
                .append("\"/></clipPath>");
        out.append("<g clip-path=\"url(#").append(esc(clip)).append(")\">");
        for (Series s : series) {
            series(out, s, px, py);
        }
        out.append("</g>");
        legend(out, plotRight + LEGEND_GAP, plotTop);
        return out.append("</svg>").toString();
    }

    private void series(StringBuilder out, Series s, DoubleUnaryOperator px, DoubleUnaryOperator py) {
        out.append("<g class=\"series");
        if (s.cssClass() != null) {
            out.append(' ').append(esc(s.cssClass()));
        }
        out.append("\">");
        List<List<Point>> runs = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        for (Point p : s.points()) {
            if (p.y() == null) {
                if (!run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            } else {
                run.add(p);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        for (List<Point> r : runs) {
            if (r.size() == 1) {
                // a line of one point draws nothing: a lone point between gaps would be invisible without its marker
                if (!s.markers()) {
                    marker(out, s.color(), r.getFirst(), px, py, s.tip());
                }
                continue;
            }
            out.append("<polyline");
            if (s.cssClass() != null) {
                out.append(" class=\"").append(esc(s.cssClass())).append('"');
            }
            out.append(" stroke=\"")
                    .append(s.color())
                    .append("\" stroke-width=\"")
                    .append(n(s.strokeWidth()))
                    .append('"');
            if (s.dashed()) {
                out.append(" stroke-dasharray=\"7 5\"");
            }
            out.append(" points=\"");
            for (Point p : r) {
                out.append(n(px.applyAsDouble(p.x())))
                        .append(',')
                        .append(n(py.applyAsDouble(p.y())))
                        .append(' ');
            }
            out.setLength(out.length() - 1);
            out.append('"');
            if (s.tip() != null) {
                out.append("><title>").append(esc(s.tip())).append("</title></polyline>");
            } else {
                out.append("/>");
            }
        }
        if (s.markers()) {
            for (Point p : s.points()) {
                if (p.y() != null) {
                    marker(out, s.color(), p, px, py, p.tip());
                }
            }
        }
        out.append("</g>");
    }

    private static void marker(
            StringBuilder out, String color, Point p, DoubleUnaryOperator px, DoubleUnaryOperator py, String tip) {
        out.append("<circle class=\"pt\" cx=\"")
                .append(n(px.applyAsDouble(p.x())))
                .append("\" cy=\"")
                .append(n(py.applyAsDouble(p.y())))
                .append("\" r=\"3.5\" fill=\"")
                .append(color)
                .append('"');
        String t = p.tip() != null ? p.tip() : tip;
        if (t != null) {
            out.append("><title>").append(esc(t)).append("</title></circle>");
        } else {
            out.append("/>");
        }
    }

    private void axisTitles(
            StringBuilder out, double plotLeft, double plotRight, double plotTop, double plotBottom, int h) {
        String y = logUsed ? yTitle + " (log scale)" : yTitle;
        out.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(16 ")
                .append(n((plotTop + plotBottom) / 2))
                .append(") rotate(-90)\">")
                .append(esc(y))
                .append("</text>");
        out.append("<text class=\"axis-title\" text-anchor=\"middle\" x=\"")
                .append(n((plotLeft + plotRight) / 2))
                .append("\" y=\"")
                .append(n(h - 10))
                .append("\">")
                .append(esc(xTitle))
                .append("</text>");
    }

    private int legendHeight() {
        int total = 0;
        for (LegendItem item : legend) {
            total += item instanceof Ramp ? LEGEND_ROW * 2 : LEGEND_ROW;
        }
        return total;
    }

    private void legend(StringBuilder out, double x, double top) {
        out.append("<g class=\"legend\">");
        double y = top + 10;
        int ramps = 0;
        for (LegendItem item : legend) {
            switch (item) {
                case Line line -> {
                    openLine(out, null, x, x + 26, y, y)
                            .append("\" stroke=\"")
                            .append(line.color())
                            .append("\" stroke-width=\"2.5\"");
                    if (line.dashed()) {
                        out.append(" stroke-dasharray=\"6 4\"");
                    }
                    out.append("/>");
                    if (line.marker()) {
                        out.append("<circle cx=\"")
                                .append(n(x + 13))
                                .append("\" cy=\"")
                                .append(n(y))
                                .append("\" r=\"3.5\" fill=\"")
                                .append(line.color())
                                .append("\"/>");
                    }
                    legendText(out, x + 34, y + 4, line.text());
                    y += LEGEND_ROW;
                }
                case Band band -> {
                    out.append("<rect x=\"")
                            .append(n(x))
                            .append("\" y=\"")
                            .append(n(y - 7))
                            .append("\" width=\"26\" height=\"14\" fill=\"")
                            .append(band.color())
                            .append("\"/>");
                    legendText(out, x + 34, y + 4, band.text());
                    y += LEGEND_ROW;
                }
                case Ramp ramp -> {
                    String gradient = id + "-ramp-" + ramps++;
                    out.append("<defs><linearGradient id=\"")
                            .append(esc(gradient))
                            .append("\"><stop offset=\"0\" stop-color=\"")
                            .append(ramp.from())
                            .append("\"/><stop offset=\"1\" stop-color=\"")
                            .append(ramp.to())
                            .append("\"/></linearGradient></defs><rect x=\"")
                            .append(n(x))
                            .append("\" y=\"")
                            .append(n(y - 6))
                            .append("\" width=\"140\" height=\"12\" rx=\"2\" fill=\"url(#")
                            .append(esc(gradient))
                            .append(")\"/>");
                    legendText(out, x, y + 22, ramp.text());
                    y += LEGEND_ROW * 2;
                }
            }
        }
        out.append("</g>");
    }

    private static void legendText(StringBuilder out, double x, double y, String text) {
        String shown = text.length() > LEGEND_TEXT_CHARS ? text.substring(0, LEGEND_TEXT_CHARS - 1) + "\u2026" : text;
        out.append("<text x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\">")
                .append(esc(shown));
        if (!shown.equals(text)) {
            out.append("<title>").append(esc(text)).append("</title>");
        }
        out.append("</text>");
    }

    /** Coordinates with one decimal, always with a dot. */
    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Appends {@code <line [class] x1 x2 y1 y2} up to the last coordinate's value, its quote and the rest to the caller. */
    private static StringBuilder openLine(
            StringBuilder out, String cssClass, double x1, double x2, double y1, double y2) {
        out.append("<line");
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        return out.append(" x1=\"")
                .append(n(x1))
                .append("\" x2=\"")
                .append(n(x2))
                .append("\" y1=\"")
                .append(n(y1))
                .append("\" y2=\"")
                .append(n(y2));
    }
}
