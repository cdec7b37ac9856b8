package dev.ticketingwarrior.perf.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The line a {@link Balancer} writes to its log when a target's health changes, and reading those lines back from the
 * logs of a soak's balancers ({@code <service>-balancer.log}), so the soak's report can show when an instance left and
 * rejoined the rotation beside what the drills did.
 */
public final class TargetHealthLog {

    /** The file name a soak gives a balancer's log. */
    private static final String LOG_SUFFIX = "-balancer.log";

    private static final Pattern LINE = Pattern.compile(
            "^balancer (\\S+): (\\S+) (\\S+) \\((\\S+)\\) (in service|out of service)( while draining)?$");

    /** {@code target} of the balancer {@code balancer} went into or out of service at {@code at} (while draining). */
    public record Entry(
            Instant at, String balancer, String target, String hostAndPort, boolean inService, boolean draining) {}

    private TargetHealthLog() {}

    /**
     * {@code balancer admission: 2026-12-04T16:40:01.123Z admission-2@8091 (127.0.0.1:8091) out of service}, and
     * {@code … while draining} for a target being drained.
     */
    static String line(String balancer, Instant at, Rotation.HealthChange change) {
        return "balancer %s: %s %s (%s) %s%s"
                .formatted(
                        balancer,
                        at,
                        change.target(),
                        change.hostAndPort(),
                        change.inService() ? "in service" : "out of service",
                        change.draining() ? " while draining" : "");
    }

    /** The entry {@code line} tells, or empty for any other line of a balancer's log. */
    static Optional<Entry> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(
                    Instant.parse(m.group(2)),
                    m.group(1),
                    m.group(3),
                    m.group(4),
                    m.group(5).equals("in service"),
                    m.group(6) != null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every change in the balancers' logs in {@code directory}, oldest first; none when it has no balancer log. */
    public static List<Entry> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(LOG_SUFFIX))
                    .toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    parse(line).ifPresent(entries::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the balancers' logs in " + directory, e);
        }
        entries.sort(Comparator.comparing(Entry::at));
        return List.copyOf(entries);
    }
}
