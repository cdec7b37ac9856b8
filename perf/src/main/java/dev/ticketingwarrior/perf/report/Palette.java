package dev.ticketingwarrior.perf.report;

import java.util.Locale;

/** The page's colours. No red among the series colours: red means a broken invariant here. */
final class Palette {

    static final String BAD = "#c62828";
    static final String BAD_BAND = "#fbe0e0";
    static final String FAULT_BAND = "#fdf0d5";
    static final String WARM_UP_BAND = "#e8ebef";
    static final String REFERENCE = "#6b7280";
    static final String EARLY_ROUND = "#bcd7ee";
    static final String LATE_ROUND = "#0b3a6e";

    private static final String[] SERIES = {
        "#2f6db3", "#e8871e", "#2e9e5b", "#8e5bb5", "#17a2b8", "#b8860b", "#8c564b", "#d6589f", "#5c6b7a", "#7fb800"
    };

    private Palette() {}

    static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** From {@link #EARLY_ROUND} (t = 0) to {@link #LATE_ROUND} (t = 1). */
    static String ramp(double t) {
        double f = Math.max(0, Math.min(1, t));
        int from = Integer.parseInt(EARLY_ROUND.substring(1), 16);
        int to = Integer.parseInt(LATE_ROUND.substring(1), 16);
        int r = mix(from >> 16 & 0xff, to >> 16 & 0xff, f);
        int g = mix(from >> 8 & 0xff, to >> 8 & 0xff, f);
        int b = mix(from & 0xff, to & 0xff, f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
