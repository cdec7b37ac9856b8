package dev.ticketingwarrior.perf.report;

import java.util.List;
import java.util.Optional;

/** A straight line y = slope * x + intercept. */
record Trend(double slope, double intercept) {

    record Sample(double x, double y) {}

    /** The least-squares line; none for fewer than two distinct x. */
    static Optional<Trend> fit(List<Sample> samples) {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        double mx = samples.stream().mapToDouble(Sample::x).average().orElseThrow();
        double my = samples.stream().mapToDouble(Sample::y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            sxx += (s.x() - mx) * (s.x() - mx);
            sxy += (s.x() - mx) * (s.y() - my);
        }
        return sxx > 0 ? Optional.of(new Trend(sxy / sxx, my - sxy / sxx * mx)) : Optional.empty();
    }

    /**
     * The line of a slope someone else computed (summary.json's own), through the samples' centroid, which is where
     * the least-squares line of that slope passes; none for fewer than two samples.
     */
    static Optional<Trend> withSlope(double slope, List<Sample> samples) {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        double mx = samples.stream().mapToDouble(Sample::x).average().orElseThrow();
        double my = samples.stream().mapToDouble(Sample::y).average().orElseThrow();
        return Optional.of(new Trend(slope, my - slope * mx));
    }

    double at(double x) {
        return slope * x + intercept;
    }
}
