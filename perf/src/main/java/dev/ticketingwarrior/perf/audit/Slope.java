package dev.ticketingwarrior.perf.audit;

import java.util.List;

/** The trend of a per-round series, e.g. the heap after GC: how much it grows per round. */
public final class Slope {

    private Slope() {}

    /**
     * Where the series of one service's process begins: the index of the last round whose process ({@code pids}, null
     * where not read) differs from the one read before it; 0 when one process ran throughout. A restarted service's
     * fresh heap is no trend of its predecessor's, and its first reading is its warm-up (what the JIT and the pools
     * take once), so a trend is taken from the round after it ({@link #trendFrom}).
     */
    public static int lastStart(List<Long> pids) {
        int start = 0;
        Long previous = null;
        for (int i = 0; i < pids.size(); i++) {
            Long pid = pids.get(i);
            if (pid != null) {
                if (previous != null && !pid.equals(previous)) {
                    start = i;
                }
                previous = pid;
            }
        }
        return start;
    }

    /**
     * The first round of a service's trend: 0 for one process there from the first round, else the round after its
     * process's first reading (its warm-up): after its last restart, or after it first appeared (a scaled-out instance).
     */
    public static int trendFrom(List<Long> pids) {
        int start = lastStart(pids);
        if (start > 0) {
            return start + 1;
        }
        for (int i = 0; i < pids.size(); i++) {
            if (pids.get(i) != null) {
                return i == 0 ? 0 : i + 1;
            }
        }
        return 0;
    }

    /**
     * The least-squares slope of {@code perRound} against the round's index (0, 1, 2, …), in the values' unit per
     * round. Null or NaN entries (a round not measured) are left out, keeping the others' indexes; fewer than two
     * values give 0.
     */
    public static double leastSquares(List<Double> perRound) {
        long n = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < perRound.size(); i++) {
            Double y = perRound.get(i);
            if (y != null && !y.isNaN()) {
                n++;
                sumX += i;
                sumY += y;
            }
        }
        if (n < 2) {
            return 0;
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < perRound.size(); i++) {
            Double y = perRound.get(i);
            if (y != null && !y.isNaN()) {
                covariance += (i - meanX) * (y - meanY);
                variance += (i - meanX) * (i - meanX);
            }
        }
        return covariance / variance;
    }
}
