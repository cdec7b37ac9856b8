package dev.ticketingwarrior.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The metric names the services publish to CloudWatch, derived from their code: every meter a service registers by a
 * literal name ({@code Counter.builder("ticketing.bookings")}, {@code meters.counter("ticketing.holds", …)}, …), named
 * the way Micrometer's CloudWatch registry ({@code micrometer-registry-cloudwatch2}) names what it sends: a counter as
 * {@code <name>.count}; a gauge as {@code <name>.value}; a timer or distribution summary as {@code <name>.count},
 * {@code .sum}, {@code .avg} and {@code .max}; a client-side percentile (in code, or under
 * {@code management.metrics.distribution.percentiles} of the aws profile) as the gauge {@code <name>.percentile.value}
 * with the dimension {@code phi}. Tags become dimensions and leave the name alone. A meter named through a constant is
 * not found: a widget that uses it fails the test, never passes it by mistake.
 */
final class PublishedMetrics {

    enum Kind {
        COUNTER,
        GAUGE,
        TIMER
    }

    private static final List<String> SERVICES = List.of("admission", "booking", "bot-runner");
    /** Modules whose code runs inside the services. */
    private static final List<String> MODULES = List.of("admission", "booking", "bot-runner", "service-edge", "shared");

    private static final Map<Kind, Pattern> REGISTRATIONS = Map.of(
            Kind.COUNTER,
            Pattern.compile("(?:\\bCounter\\.builder|\\bFunctionCounter\\.builder|\\.counter)\\(\\s*\"([^\"]+)\""),
            Kind.GAUGE,
            Pattern.compile("(?:\\bGauge\\.builder|\\bTimeGauge\\.builder|\\.gauge)\\(\\s*\"([^\"]+)\""),
            Kind.TIMER,
            Pattern.compile("(?:\\bTimer\\.builder|\\bDistributionSummary\\.builder|\\bFunctionTimer\\.builder|"
                    + "\\.timer|\\.summary)\\(\\s*\"([^\"]+)\""));
    /** {@code Timer.builder("x") … .publishPercentiles(…)} within one builder chain. */
    private static final Pattern CODE_PERCENTILES = Pattern.compile(
            "(?:Timer|DistributionSummary)\\.builder\\(\\s*\"([^\"]+)\"[^;]*?\\.publishPercentiles\\(", Pattern.DOTALL);

    private final Map<String, Kind> meters;
    private final Set<String> percentiles;

    private PublishedMetrics(Map<String, Kind> meters, Set<String> percentiles) {
        this.meters = meters;
        this.percentiles = percentiles;
    }

    /** Reads the services' sources and aws profiles in this repository. */
    static PublishedMetrics ofServices() {
        Map<String, Kind> meters = new TreeMap<>();
        Set<String> percentiles = new TreeSet<>();
        for (String module : MODULES) {
            for (String source : sources(Path.of("..", module, "src", "main", "java"))) {
                read(source, meters, percentiles);
            }
        }
        for (String service : SERVICES) {
            percentiles.addAll(
                    profilePercentiles(Path.of("..", service, "src", "main", "resources", "application-aws.yml")));
        }
        return new PublishedMetrics(meters, percentiles);
    }

    /** For tests of this class: the meters registered by these sources. */
    static PublishedMetrics of(List<String> sources, Set<String> profilePercentiles) {
        Map<String, Kind> meters = new TreeMap<>();
        Set<String> percentiles = new TreeSet<>(profilePercentiles);
        sources.forEach(source -> read(source, meters, percentiles));
        return new PublishedMetrics(meters, percentiles);
    }

    /** The Micrometer meter names, e.g. {@code ticketing.queue.waiting}. */
    Set<String> meterNames() {
        return meters.keySet();
    }

    /** The CloudWatch metric names, e.g. {@code ticketing.queue.waiting.value}. */
    Set<String> cloudWatchNames() {
        Set<String> names = new TreeSet<>();
        meters.forEach((name, kind) -> {
            switch (kind) {
                case COUNTER -> names.add(name + ".count");
                case GAUGE -> names.add(name + ".value");
                case TIMER -> {
                    Stream.of("count", "sum", "avg", "max").forEach(statistic -> names.add(name + "." + statistic));
                    if (percentiles.contains(name)) {
                        names.add(name + ".percentile.value");
                    }
                }
            }
        });
        return names;
    }

    private static void read(String source, Map<String, Kind> meters, Set<String> percentiles) {
        REGISTRATIONS.forEach((kind, pattern) -> {
            Matcher matcher = pattern.matcher(source);
            while (matcher.find()) {
                Kind previous = meters.putIfAbsent(matcher.group(1), kind);
                if (previous != null && previous != kind) {
                    throw new IllegalStateException(
                            "meter " + matcher.group(1) + " is registered both as " + previous + " and as " + kind);
                }
            }
        });
        Matcher matcher = CODE_PERCENTILES.matcher(source);
        while (matcher.find()) {
            percentiles.add(matcher.group(1));
        }
    }

    private static List<String> sources(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(PublishedMetrics::text)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The meter names under {@code management.metrics.distribution.percentiles} of a profile. */
    private static Set<String> profilePercentiles(Path profile) {
        if (!Files.exists(profile)) {
            return Set.of();
        }
        Object percentiles =
                path(new Yaml().load(text(profile)), "management", "metrics", "distribution", "percentiles");
        Set<String> names = new TreeSet<>();
        if (percentiles instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> names.add(key.toString()));
        }
        names.remove("all");
        return names;
    }

    private static Object path(Object value, String... keys) {
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
