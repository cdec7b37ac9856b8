package dev.ticketingwarrior.perf.report;

import java.util.ArrayList;
import java.util.List;

/** Maps a value to its place on an axis (0 at the low end, 1 at the high end) and says where the ticks go. */
sealed interface Scale permits Scale.Linear, Scale.Log {

    double lo();

    double hi();

    /** 0 at {@link #lo()}, 1 at {@link #hi()}; values outside the domain are clamped. */
    double fraction(double value);

    List<Double> ticks();

    String label(double tick);

    /** A linear axis whose ticks fall on multiples of 1, 2 or 5 times a power of ten. */
    record Linear(double lo, double hi, double step) implements Scale {

        /**
         * Around [min, max] with a little headroom; from zero when {@code zeroBased}. A single value or none gets a
         * range of its own, so the span is never zero.
         */
        static Linear around(double min, double max, boolean zeroBased, int targetTicks) {
            double a = min;
            double b = max;
            if (zeroBased) {
                a = Math.min(0, a);
                b = Math.max(0, b);
            }
            if (b - a < 1e-9) {
                double pad = Math.abs(b) > 1e-9 ? Math.abs(b) * 0.1 : 1;
                a -= pad;
                b += pad;
            } else if (zeroBased) {
                b += (b - a) * 0.05; // a line at the very top would merge with the frame
            } else {
                double pad = (b - a) * 0.08;
                a -= pad;
                b += pad;
            }
            if (min >= 0 && a < 0) {
                a = 0; // nothing here is negative by nature but a slope; keep the axis from showing negative MB
            }
            double step = niceStep(b - a, targetTicks);
            return new Linear(Math.floor(a / step + 1e-9) * step, Math.ceil(b / step - 1e-9) * step, step);
        }

        /** Round indexes: whole-number ticks, half a round of room on either side. */
        static Linear rounds(double first, double last) {
            double span = Math.max(1, last - first);
            double step = span <= 25 ? 1 : Math.max(1, Math.round(niceStep(span, 15)));
            return new Linear(first - 0.5, last + 0.5, step);
        }

        @Override
        public double fraction(double value) {
            double f = (value - lo) / (hi - lo);
            return Math.max(0, Math.min(1, f));
        }

        @Override
        public List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
                ticks.add(k * step);
            }
            return ticks;
        }

        @Override
        public String label(double tick) {
            int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
            return Text.fixed(Math.abs(tick) < step * 1e-6 ? 0 : tick, decimals);
        }
    }

    /** A log axis; values at or below lo (zeros) sit on the floor. */
    record Log(double lo, double hi) implements Scale {

        /** A little room below the smallest and above the largest value, so neither lies on the frame. */
        static Log around(double minPositive, double max) {
            double lo = minPositive / 1.3;
            double hi = Math.max(max, minPositive) * 1.3;
            return new Log(lo, hi);
        }

        @Override
        public double fraction(double value) {
            double v = Math.max(value, lo);
            double f = (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            return Math.max(0, Math.min(1, f));
        }

        /** 1, 2, 5 in each decade when there are few decades, else only the powers of ten. */
        @Override
        public List<Double> ticks() {
            int first = (int) Math.floor(Math.log10(lo));
            int last = (int) Math.floor(Math.log10(hi));
            double[] multiples = last - first <= 3 ? new double[] {1, 2, 5} : new double[] {1};
            List<Double> ticks = new ArrayList<>();
            for (int d = first; d <= last; d++) {
                for (double m : multiples) {
                    double t = m * Math.pow(10, d);
                    if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                        ticks.add(t);
                    }
                }
            }
            return ticks;
        }

        @Override
        public String label(double tick) {
            int decimals = tick >= 1 ? 0 : (int) Math.ceil(-Math.log10(tick) - 1e-9);
            return Text.fixed(tick, decimals);
        }
    }

    static double niceStep(double range, int targetTicks) {
        double raw = range / Math.max(1, targetTicks);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        double nice = n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10;
        return nice * magnitude;
    }
}
