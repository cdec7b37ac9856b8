package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.AuditConfig;
import dev.ticketingwarrior.perf.journey.ArrivalPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The soak runner's command line ({@code perf/soak} passes it through). {@code --rounds} rounds are measured; before
 * them {@code --warm-up} rounds (1 unless told) warm the services up: their bookings are audited for the invariants
 * like any others, but Gatling's per-step assertions leave their requests out and no fault drill runs in them. Durations are written {@code 20s}, {@code 2m}
 * or ISO-8601. {@code --period} and {@code --open-for} (60s, 15s) configure a local run; a {@code --target} run takes
 * them from the deployment's clock ({@link RoundTiming}), and refuses given ones that disagree. Connection details of the data servers come from the environment the local stack writes
 * ({@code REDIS_URL}, {@code MYSQL_URL}, {@code MYSQL_USER}, {@code MYSQL_PASSWORD}, {@code SQS_ENDPOINT}); a part
 * left unset is not audited, and the summary says so.
 */
record SoakOptions(
        String simulation,
        int rounds,
        int warmUpRounds,
        int players,
        int bots,
        String difficulty,
        Duration period,
        Duration openFor,
        double admissionRate,
        int maxActive,
        double sseShare,
        double think,
        ArrivalPattern arrivals,
        String target,
        List<String> admissionUrls,
        List<String> bookingUrls,
        Optional<String> botRunnerUrl,
        Optional<String> opsToken,
        Optional<String> letterKey,
        List<String> faults,
        Map<String, Long> pids,
        Optional<Path> pidDir,
        Duration drain,
        double maxErrorPercent,
        int maxP99Ms,
        Path out,
        boolean periodGiven,
        boolean openForGiven) {

    static final String USAGE = """
            usage: SoakMain [--simulation Soak|RoundSurge] [--rounds N] [--warm-up N] [--players N] [--bots N] [--difficulty D]
                            [--period 60s] [--open-for 15s] [--rate N] [--max-active N] [--sse-share 0.8] [--think 1]
                            [--arrivals open|spread]
                            [--target URL | --admission-url URL[,URL…] --booking-url URL[,URL…]] [--bot-runner-url URL]
                            [--ops-token T] [--letter-key K] [--faults a,b] [--pid service=pid]… [--pid-dir DIR] [--drain 60s]
                            [--max-errors 5] [--max-p99 5000] [--out DIR]""";

    /** The options {@link #parse} knows (without their {@code --}). */
    private static final Set<String> NAMES = Set.of(
            "simulation",
            "rounds",
            "warm-up",
            "players",
            "bots",
            "difficulty",
            "period",
            "open-for",
            "rate",
            "max-active",
            "sse-share",
            "think",
            "arrivals",
            "target",
            "admission-url",
            "booking-url",
            "bot-runner-url",
            "ops-token",
            "letter-key",
            "faults",
            "pid",
            "pid-dir",
            "drain",
            "max-errors",
            "max-p99",
            "out");

    /** The bots' difficulties, as bot-runner names them. */
    private static final List<String> DIFFICULTIES = List.of("EASY", "NORMAL", "HARD", "INSANE");

    static SoakOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got '" + name + "'\n" + USAGE);
            }
            if (!NAMES.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name + " (perf/soak --help lists them)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            if (name.equals("--pid")) {
                String[] parts = value.split("=", 2);
                if (parts.length != 2 || !parts[1].matches("\\d{1,10}")) {
                    throw new IllegalArgumentException("--pid must look like service=1234, got '" + value + "'");
                }
                pids.put(parts[0], Long.parseLong(parts[1]));
            } else {
                values.put(name.substring(2), value);
            }
        }
        String target = values.getOrDefault("target", "");
        int players = whole(values, "players", "300", 1);
        SoakOptions options = new SoakOptions(
                values.getOrDefault("simulation", "Soak"),
                whole(values, "rounds", "3", 1),
                whole(values, "warm-up", "1", 0),
                players,
                whole(values, "bots", "50", 0),
                difficulty(values.getOrDefault("difficulty", "NORMAL")),
                duration(values, "period", "60s"),
                duration(values, "open-for", "15s"),
                number(values, "rate", Integer.toString(Math.max(50, players / 4)), 0.001, 100_000),
                whole(values, "max-active", "0", 0),
                number(values, "sse-share", "0.8", 0, 1),
                number(values, "think", "1", 0, 100),
                ArrivalPattern.parse(values.getOrDefault("arrivals", "open")),
                target.isBlank() ? "local" : target,
                list(values.getOrDefault("admission-url", target.isBlank() ? "http://127.0.0.1:8081" : target)),
                list(values.getOrDefault("booking-url", target.isBlank() ? "http://127.0.0.1:8082" : target)),
                optional(values.getOrDefault("bot-runner-url", target.isBlank() ? "http://127.0.0.1:8083" : target)),
                optional(values.getOrDefault("ops-token", env.getOrDefault("TICKETING_OPS_TOKEN", ""))),
                optional(values.getOrDefault("letter-key", env.getOrDefault("TICKETING_CAPTCHA_LOAD_TEST_KEY", ""))),
                list(values.getOrDefault("faults", "")),
                Map.copyOf(pids),
                Optional.ofNullable(values.get("pid-dir")).map(Path::of),
                duration(values, "drain", "60s"),
                number(values, "max-errors", "5", 0, 100),
                whole(values, "max-p99", "5000", 1),
                Path.of(values.getOrDefault("out", "perf/target/soak")),
                values.containsKey("period"),
                values.containsKey("open-for"));
        if (!options.simulation().equals("Soak") && !options.simulation().equals("RoundSurge")) {
            throw new IllegalArgumentException("--simulation must be Soak or RoundSurge\n" + USAGE);
        }
        if (options.simulation().equals("RoundSurge") && options.rounds() != 1) {
            throw new IllegalArgumentException("RoundSurge plays one round: --rounds 1 (or use Soak)");
        }
        if (options.admissionUrls().isEmpty() || options.bookingUrls().isEmpty()) {
            throw new IllegalArgumentException("--admission-url and --booking-url need at least one URL\n" + USAGE);
        }
        if (!options.faults().isEmpty() && !options.local()) {
            throw new IllegalArgumentException("--faults acts on the local stack perf/soak starts (its services' pids,"
                    + " its servers, its proxies); a --target deployment has none of them, so every drill would fail:"
                    + " leave out --faults or --target");
        }
        if (options.openFor().compareTo(options.period()) > 0) {
            throw new IllegalArgumentException(
                    "a round open for " + options.openFor().toSeconds()
                            + " s (--open-for, 15s unless given) does not fit in a period of "
                            + options.period().toSeconds()
                            + " s (--period): give a shorter --open-for or a longer --period");
        }
        return options;
    }

    /**
     * The same options with the round timing of a deployment ({@link RoundTiming}): {@code --target} runs play the
     * rounds its clock announces.
     */
    SoakOptions withRoundTiming(Duration period, Duration openFor) {
        if (openFor.compareTo(period) > 0) {
            throw new IllegalArgumentException("a round open for " + openFor + " in a period of " + period);
        }
        return new SoakOptions(
                simulation,
                rounds,
                warmUpRounds,
                players,
                bots,
                difficulty,
                period,
                openFor,
                admissionRate,
                maxActive,
                sseShare,
                think,
                arrivals,
                target,
                admissionUrls,
                bookingUrls,
                botRunnerUrl,
                opsToken,
                letterKey,
                faults,
                pids,
                pidDir,
                drain,
                maxErrorPercent,
                maxP99Ms,
                out,
                periodGiven,
                openForGiven);
    }

    /**
     * The number of the round at {@code position} (0-based, warm-up rounds first) in the table, the summary and the
     * drills: 1 for the first measured round, 0 and less for the warm-up rounds.
     */
    int roundNumber(int position) {
        return position - warmUpRounds + 1;
    }

    /** No {@code --target}: the services and their data servers are the private stack {@code perf/soak} started. */
    boolean local() {
        return target.equals("local");
    }

    /** The first admission instance: ops calls and admission's counters go there (they are shared through Redis). */
    String admissionUrl() {
        return admissionUrls.getFirst();
    }

    /** The first booking instance, for the seat map the round table reads. */
    String bookingUrl() {
        return bookingUrls.getFirst();
    }

    /**
     * The local services' pids now: {@code --pid} ones, overridden by the files of {@code --pid-dir} (one per service,
     * rewritten by a fault drill that restarts it).
     */
    Map<String, Long> currentPids() {
        Map<String, Long> current = new LinkedHashMap<>(pids);
        pidDir.ifPresent(dir -> {
            try (var files = Files.list(dir)) {
                files.forEach(file -> {
                    try {
                        current.put(
                                file.getFileName().toString(),
                                Long.parseLong(Files.readString(file).strip()));
                    } catch (IOException | NumberFormatException e) {
                        // a file being rewritten: the next reading gets it
                    }
                });
            } catch (IOException e) {
                // no pids yet
            }
        });
        return current;
    }

    /** A duration as people (and Spring Boot) write it: {@code 20s}, {@code 2m}, {@code 250ms}, ISO-8601. */
    static Duration duration(String text) {
        return AuditConfig.parsePeriod(text);
    }

    /**
     * The option {@code name}'s duration, with its unit: a bare number would be milliseconds as Spring Boot reads it,
     * which nobody typing {@code --period 20} means.
     */
    private static Duration duration(Map<String, String> values, String name, String otherwise) {
        String text = values.getOrDefault(name, otherwise).strip();
        if (text.matches("\\d+")) {
            throw new IllegalArgumentException(
                    "--" + name + " " + text + " needs a unit: " + text + "s, " + text + "ms or " + text + "m");
        }
        try {
            Duration duration = duration(text);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be a duration such as 20s, 500ms or 2m, got '" + text + "'");
        }
    }

    /** The option {@code name} as a whole number of at least {@code min}. */
    private static int whole(Map<String, String> values, String name, String otherwise, int min) {
        String text = values.getOrDefault(name, otherwise).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(
                "--" + name + " must be a whole number of at least " + min + ", got '" + text + "'");
    }

    /** The option {@code name} as a number within {@code min}..{@code max}. */
    private static double number(Map<String, String> values, String name, String otherwise, double min, double max) {
        String text = values.getOrDefault(name, otherwise).strip();
        try {
            double value = Double.parseDouble(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(
                "--" + name + " must be a number from " + plain(min) + " to " + plain(max) + ", got '" + text + "'");
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String difficulty(String text) {
        if (!DIFFICULTIES.contains(text)) {
            throw new IllegalArgumentException(
                    "--difficulty must be one of " + String.join(", ", DIFFICULTIES) + ", got '" + text + "'");
        }
        return text;
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }
}
