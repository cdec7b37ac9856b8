package dev.ticketingwarrior.perf.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Two soak runs side by side ({@code perf/soak compare}): each step's p99 and error rate, the confirmation lag, the
 * bookings and the memory of their measured rounds, and which differences go beyond the spread between two runs of
 * the same code ({@link Tolerance}). A run that got worse beyond it, or failed where the baseline passed, is a
 * regression: {@code main} exits 4 then, so a pipeline can gate on it.
 */
public final class RunComparison {

    /** {@code main}'s exit code when the run regressed against the baseline. */
    public static final int REGRESSED = 4;
    /** The exit code of two runs that differ in what they ran (faults, load, rounds…): compared, but not judged. */
    public static final int NOT_LIKE_FOR_LIKE = 5;

    static final String USAGE = "usage: perf/soak compare [--tolerance PERCENT (50)] [--floor MS (100)]"
            + " [--error-points PT (1)] [--html FILE] [BASE.json [RUN.json]]";

    /** Settings that judge a run or wait for it, but do not change the load it puts on the system. */
    private static final Set<String> NOT_LOAD = Set.of("drain", "maxErrorPercent", "maxP99Ms");

    private RunComparison() {}

    /**
     * How much worse a number may be before it counts: a latency by both a share and a number of milliseconds (a 40 %
     * change of a 20 ms p99 is noise), an error rate by percentage points.
     */
    public record Tolerance(double latencyPercent, double latencyFloorMs, double errorPoints) {

        public static final Tolerance DEFAULT = new Tolerance(50, 100, 1);

        public Tolerance {
            if (!(latencyPercent >= 0) || !(latencyFloorMs >= 0) || !(errorPoints >= 0)) {
                throw new IllegalArgumentException("a tolerance is a number of 0 or more");
            }
        }

        String describe() {
            return "p99 +" + Text.number(latencyPercent) + " % and +" + Text.number(latencyFloorMs) + " ms, errors +"
                    + Text.number(errorPoints) + " pt";
        }
    }

    /** How a measure moved from the baseline to the run. */
    enum Change {
        WORSE,
        BETTER,
        WITHIN,
        /** One of the two runs has no value for it. */
        UNKNOWN
    }

    /** A step's p99 (the median of its measured rounds' p99s, ms) and error rate (%) in each run. */
    record StepLine(
            String step,
            Double baseP99,
            Double runP99,
            Change latency,
            Double baseErrors,
            Double runErrors,
            Change errors) {}

    /**
     * A measure shown for context, never judged: bookings, sell-out, memory. {@code difference}: its change is shown as
     * run minus base (a slope near 0 has no meaningful share), else as a share of the base.
     */
    record Context(String measure, Double base, Double run, boolean difference) {

        Context(String measure, Double base, Double run) {
            this(measure, base, run, false);
        }
    }

    record Comparison(
            Summary.Verdict baseVerdict,
            Summary.Verdict runVerdict,
            List<String> differences,
            List<StepLine> steps,
            StepLine confirmationLag,
            List<Context> context) {

        /** What got worse beyond the tolerance, as a reader names it; empty when nothing did. */
        List<String> regressions() {
            List<String> worse = new ArrayList<>();
            if (baseVerdict == Summary.Verdict.PASS && runVerdict == Summary.Verdict.FAIL) {
                worse.add("the verdict (PASS to FAIL)");
            }
            for (StepLine s : steps) {
                if (s.latency() == Change.WORSE) {
                    worse.add(s.step() + " p99");
                }
                if (s.errors() == Change.WORSE) {
                    worse.add(s.step() + " errors");
                }
            }
            if (confirmationLag.latency() == Change.WORSE) {
                worse.add("confirmation lag p99");
            }
            return worse;
        }
    }

    static Comparison compare(Summary base, Summary run, Tolerance tolerance) {
        List<Summary.Round> baseRounds = measured(base);
        List<Summary.Round> runRounds = measured(run);
        SequencedSet<String> stepNames = new LinkedHashSet<>(base.stepNames());
        stepNames.addAll(run.stepNames());
        List<StepLine> steps = new ArrayList<>();
        for (String step : stepNames) {
            steps.add(line(
                    step,
                    baseRounds.stream().map(r -> r.steps().get(step)).toList(),
                    runRounds.stream().map(r -> r.steps().get(step)).toList(),
                    tolerance));
        }
        StepLine lag = line(
                "confirmation lag",
                baseRounds.stream().map(Summary.Round::confirmationLag).toList(),
                runRounds.stream().map(Summary.Round::confirmationLag).toList(),
                tolerance);
        List<Context> context = new ArrayList<>();
        context.add(new Context(
                "bookings confirmed per round",
                mean(baseRounds, Summary.Round::confirmed),
                mean(runRounds, Summary.Round::confirmed)));
        context.add(new Context(
                "players late per round", mean(baseRounds, Summary.Round::late), mean(runRounds, Summary.Round::late)));
        context.add(new Context(
                "bots' bookings confirmed per round",
                mean(baseRounds, r -> r.bots() == null ? null : r.bots().confirmed()),
                mean(runRounds, r -> r.bots() == null ? null : r.bots().confirmed())));
        context.add(new Context(
                "sold out after (s, median)",
                seconds(median(baseRounds.stream().map(Summary.Round::soldOutMs).toList())),
                seconds(median(runRounds.stream().map(Summary.Round::soldOutMs).toList()))));
        SequencedSet<String> services =
                new LinkedHashSet<>(base.heapSlopeByService().keySet());
        services.addAll(run.heapSlopeByService().keySet());
        for (String service : services) {
            context.add(new Context(
                    service + " heap slope (MB/round)",
                    base.heapSlopeByService().get(service),
                    run.heapSlopeByService().get(service),
                    true));
        }
        SequencedSet<String> rss = new LinkedHashSet<>(base.rssServices());
        rss.addAll(run.rssServices());
        for (String service : rss) {
            context.add(new Context(
                    service + " RSS at most (MB)", maxRss(baseRounds, service), maxRss(runRounds, service)));
        }
        return new Comparison(base.verdict(), run.verdict(), differences(base, run), steps, lag, context);
    }

    /** What makes the two runs not like for like: settings, target, rounds, venue. */
    static List<String> differences(Summary base, Summary run) {
        List<String> differences = new ArrayList<>();
        differ(differences, "target", base.target(), run.target());
        differ(differences, "rounds", string(base.rounds()), string(run.rounds()));
        differ(differences, "seats", string(seats(base)), string(seats(run)));
        SequencedSet<String> keys = new LinkedHashSet<>(base.settings().keySet());
        keys.addAll(run.settings().keySet());
        for (String key : keys) {
            if (NOT_LOAD.contains(key)) {
                continue;
            }
            differ(differences, key, base.settings().get(key), run.settings().get(key));
        }
        return differences;
    }

    private static void differ(List<String> differences, String name, String base, String run) {
        if (!Objects.equals(base, run)) {
            differences.add(name + " " + shown(base) + " \u2192 " + shown(run));
        }
    }

    private static String shown(String value) {
        return value == null ? "(not written)" : Text.setting(value);
    }

    private static Long seats(Summary summary) {
        return summary.perRound().stream()
                .map(Summary.Round::seats)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String string(Long n) {
        return n == null ? null : n.toString();
    }

    /** The rounds that count: not the warm-up. */
    private static List<Summary.Round> measured(Summary summary) {
        return summary.perRound().stream().filter(r -> !r.warmUp()).toList();
    }

    private static StepLine line(String step, List<Summary.Stats> base, List<Summary.Stats> run, Tolerance tolerance) {
        Double baseP99 = median(base.stream().map(RunComparison::p99).toList());
        Double runP99 = median(run.stream().map(RunComparison::p99).toList());
        Double baseErrors = errorPercent(base);
        Double runErrors = errorPercent(run);
        return new StepLine(
                step,
                baseP99,
                runP99,
                latencyChange(baseP99, runP99, tolerance),
                baseErrors,
                runErrors,
                errorChange(baseErrors, runErrors, tolerance));
    }

    /** A round's p99; none when nothing was measured (a lag MySQL could not be read for counts 0). */
    private static Double p99(Summary.Stats stats) {
        return stats == null || stats.count() == null || stats.count() == 0 ? null : stats.p99();
    }

    static Change latencyChange(Double base, Double run, Tolerance tolerance) {
        if (base == null || run == null) {
            return Change.UNKNOWN;
        }
        if (beyond(base, run, tolerance)) {
            return Change.WORSE;
        }
        return beyond(run, base, tolerance) ? Change.BETTER : Change.WITHIN;
    }

    /** {@code to} is higher than {@code from} by more than the share and the floor. */
    private static boolean beyond(double from, double to, Tolerance tolerance) {
        return to > from * (1 + tolerance.latencyPercent() / 100) && to - from > tolerance.latencyFloorMs();
    }

    static Change errorChange(Double base, Double run, Tolerance tolerance) {
        if (base == null || run == null) {
            return Change.UNKNOWN;
        }
        if (run - base > tolerance.errorPoints()) {
            return Change.WORSE;
        }
        return base - run > tolerance.errorPoints() ? Change.BETTER : Change.WITHIN;
    }

    /**
     * Failed requests of all the rounds as a share of their requests (%); null when none was made, or when the stats
     * count no errors (the confirmation lag: not a request).
     */
    private static Double errorPercent(List<Summary.Stats> stats) {
        long count = 0;
        long errors = 0;
        for (Summary.Stats s : stats) {
            if (s != null && s.count() != null && s.errors() != null) {
                count += s.count();
                errors += s.errors();
            }
        }
        return count == 0 ? null : 100.0 * errors / count;
    }

    /** The median of the values written; null when none is. */
    static Double median(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).sorted().toList();
        if (known.isEmpty()) {
            return null;
        }
        int middle = known.size() / 2;
        return known.size() % 2 == 1 ? known.get(middle) : (known.get(middle - 1) + known.get(middle)) / 2;
    }

    private static Double mean(List<Summary.Round> rounds, Function<Summary.Round, Long> value) {
        List<Long> known = rounds.stream().map(value).filter(Objects::nonNull).toList();
        return known.isEmpty()
                ? null
                : known.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    private static Double maxRss(List<Summary.Round> rounds, String service) {
        return rounds.stream()
                .map(r -> r.rssMb().get(service))
                .filter(Objects::nonNull)
                .max(Double::compare)
                .orElse(null);
    }

    private static Double seconds(Double ms) {
        return ms == null ? null : ms / 1000;
    }

    /** What two runs that are not like for like would have been judged, said without judging them. */
    static String unjudged(List<String> regressions) {
        return regressions.isEmpty()
                ? "nothing worse beyond the spread either"
                : "worse beyond the spread, for what it is worth: " + String.join(", ", regressions);
    }

    /** The comparison as the console shows it. */
    static String render(Comparison c, Run base, Run run, Tolerance tolerance) {
        StringBuilder out = new StringBuilder();
        out.append("soak compare: base ").append(base.describe()).append('\n');
        out.append("              run  ").append(run.describe()).append('\n');
        if (!c.differences().isEmpty()) {
            out.append("not like for like: ")
                    .append(String.join("; ", c.differences()))
                    .append('\n');
        }
        out.append("measured rounds only; a p99 is the median of the rounds' p99s, errors are failed requests of all"
                + " rounds\n\n");
        out.append(String.format(
                Locale.ROOT,
                "%-20s %9s %9s %9s   %8s %8s %9s%n",
                "step",
                "p99 base",
                "p99 run",
                "change",
                "err base",
                "err run",
                "change"));
        List<StepLine> lines = new ArrayList<>(c.steps());
        lines.add(c.confirmationLag());
        for (StepLine s : lines) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-20s %9s %9s %9s   %8s %8s %9s%s%n",
                    s.step(),
                    Text.number(s.baseP99()),
                    Text.number(s.runP99()),
                    percentChange(s.baseP99(), s.runP99()),
                    percent(s.baseErrors()),
                    percent(s.runErrors()),
                    pointChange(s.baseErrors(), s.runErrors()),
                    marks(s)));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s%n", "", "base", "run", "change"));
        boolean failedNow = c.baseVerdict() == Summary.Verdict.PASS && c.runVerdict() == Summary.Verdict.FAIL;
        out.append(String.format(
                Locale.ROOT,
                "%-36s %9s %9s %9s%n",
                "verdict",
                c.baseVerdict(),
                c.runVerdict(),
                failedNow ? "worse" : ""));
        for (Context context : c.context()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-36s %9s %9s %9s%n",
                    context.measure(),
                    Text.number(context.base()),
                    Text.number(context.run()),
                    change(context)));
        }
        out.append('\n');
        List<String> regressions = c.regressions();
        if (!c.differences().isEmpty()) {
            out.append("soak compare: NOT JUDGED, the runs are not like for like (")
                    .append(String.join("; ", c.differences()))
                    .append("): ")
                    .append(unjudged(regressions))
                    .append('\n');
        } else if (regressions.isEmpty()) {
            out.append("soak compare: no regression beyond the spread (")
                    .append(tolerance.describe())
                    .append(")\n");
        } else {
            out.append("soak compare: REGRESSED beyond the spread (")
                    .append(tolerance.describe())
                    .append("): ")
                    .append(String.join(", ", regressions))
                    .append('\n');
        }
        return out.toString();
    }

    private static String marks(StepLine s) {
        List<String> marks = new ArrayList<>();
        if (s.latency() == Change.WORSE) {
            marks.add("slower");
        } else if (s.latency() == Change.BETTER) {
            marks.add("faster");
        }
        if (s.errors() == Change.WORSE) {
            marks.add("more errors");
        } else if (s.errors() == Change.BETTER) {
            marks.add("fewer errors");
        }
        return marks.isEmpty() ? "" : "   " + String.join(", ", marks);
    }

    static String percent(Double value) {
        return value == null ? Text.MISSING : String.format(Locale.ROOT, "%.1f %%", value);
    }

    static String percentChange(Double base, Double run) {
        if (base == null || run == null) {
            return Text.MISSING;
        }
        if (base == 0) {
            return run == 0 ? "0 %" : Text.MISSING;
        }
        double change = 100 * (run - base) / base;
        return Math.abs(change) < 0.5 ? "0 %" : String.format(Locale.ROOT, "%+.0f %%", change);
    }

    /** A context measure's change: as a share of the base, or as a difference when a share means nothing. */
    static String change(Context context) {
        return context.difference()
                ? difference(context.base(), context.run())
                : percentChange(context.base(), context.run());
    }

    private static String difference(Double base, Double run) {
        return base == null || run == null ? Text.MISSING : String.format(Locale.ROOT, "%+.2f", run - base);
    }

    static String pointChange(Double base, Double run) {
        return base == null || run == null ? Text.MISSING : String.format(Locale.ROOT, "%+.1f pt", run - base);
    }

    /** A summary as read, and what it is called on the console. */
    record Run(String name, Summary summary) {

        String describe() {
            return name + " (" + Text.dateTime(summary.startedAt()) + ", " + summary.target() + ", "
                    + summary.roundCount() + " rounds, " + summary.verdict() + ")";
        }
    }

    /**
     * {@code RunComparison [--tolerance PERCENT] [--floor MS] [--error-points PT] [--html FILE] BASE.json RUN.json}:
     * prints the comparison (and writes it as a page); exit 0 when nothing regressed, 4 when something did, 2 when a file cannot be read or an option is
     * wrong.
     */
    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("soak compare: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        double percent = Tolerance.DEFAULT.latencyPercent();
        double floor = Tolerance.DEFAULT.latencyFloorMs();
        double points = Tolerance.DEFAULT.errorPoints();
        Path html = null;
        Path kept = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tolerance" -> percent = option(args, ++i, "--tolerance");
                case "--floor" -> floor = option(args, ++i, "--floor");
                case "--error-points" -> points = option(args, ++i, "--error-points");
                case "--last-like" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--last-like needs a directory");
                    }
                    kept = Path.of(args[i]);
                }
                case "--html" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--html needs a file");
                    }
                    html = Path.of(args[i]);
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                    }
                    files.add(args[i]);
                }
            }
        }
        Tolerance tolerance = new Tolerance(percent, floor, points);
        if (kept != null) {
            if (files.size() != 1) {
                throw new IllegalArgumentException("--last-like compares one summary with the kept runs");
            }
            System.out.println(againstLastLike(kept, read(files.getFirst()), tolerance));
            return 0;
        }
        if (files.size() != 2) {
            throw new IllegalArgumentException("two summaries to compare, the baseline first\n" + USAGE);
        }
        Run base = read(files.get(0));
        Run run = read(files.get(1));
        Comparison comparison = compare(base.summary(), run.summary(), tolerance);
        System.out.print(render(comparison, base, run, tolerance));
        if (html != null) {
            write(html, ComparisonPage.render(comparison, base, run, tolerance));
            System.out.println("soak compare: page " + html.toAbsolutePath().toUri());
        }
        if (!comparison.differences().isEmpty()) {
            return NOT_LIKE_FOR_LIKE;
        }
        return comparison.regressions().isEmpty() ? 0 : REGRESSED;
    }

    /**
     * One line on {@code run} against the newest summary in {@code kept} that is like it for like (nothing in {@link
     * #differences}): perf/soak prints it after every run, so a regression shows without being asked for.
     */
    static String againstLastLike(Path kept, Run run, Tolerance tolerance) {
        Optional<Run> base = lastLike(kept, run.summary());
        if (base.isEmpty()) {
            return "soak: no earlier run like this one in " + kept
                    + " to compare with (perf/soak compare names any two)";
        }
        List<String> regressions =
                compare(base.get().summary(), run.summary(), tolerance).regressions();
        long rounds = Math.min(base.get().summary().roundCount(), run.summary().roundCount());
        String noisy = rounds < 3
                ? " (from " + rounds + " measured round" + (rounds == 1 ? "" : "s")
                        + ": runs of 3 or more are less noisy)"
                : "";
        String against =
                "soak: against the last run like this one (" + base.get().name() + ")" + noisy + ": ";
        return regressions.isEmpty()
                ? against + "no regression beyond the spread (" + tolerance.describe() + ")"
                : against + "REGRESSED beyond the spread: " + String.join(", ", regressions) + " (perf/soak compare "
                        + base.get().name() + " shows all of it)";
    }

    /** The newest readable summary in {@code dir} (by name: they start with when they finished) like {@code run}. */
    static Optional<Run> lastLike(Path dir, Summary run) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path file : files) {
            try {
                Summary summary = SummaryReader.read(file);
                if (!summary.perRound().isEmpty() && differences(summary, run).isEmpty()) {
                    return Optional.of(new Run(file.toString(), summary));
                }
            } catch (IOException e) {
                // a kept file that cannot be read is no baseline: the next older one may be
            }
        }
        return Optional.empty();
    }

    private static double option(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        try {
            double value = Double.parseDouble(args[i]);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of 0 or more, got '" + args[i] + "'");
        }
    }

    private static void write(Path html, String page) {
        try {
            Path out = html.toAbsolutePath();
            Files.createDirectories(out.getParent());
            Files.writeString(out, page);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + html + ": " + e.getMessage());
        }
    }

    private static Run read(String file) {
        try {
            Summary summary = SummaryReader.read(Path.of(file));
            if (summary.perRound().isEmpty()) {
                throw new IllegalArgumentException(file + " lists no rounds: not a soak run's summary.json");
            }
            return new Run(file, summary);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
