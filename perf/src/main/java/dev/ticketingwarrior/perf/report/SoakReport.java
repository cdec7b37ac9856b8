package dev.ticketingwarrior.perf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders perf/soak's summary.json as one self-contained HTML page: a PASS/FAIL headline, inline SVG charts (p99 per
 * step, confirmation lag, heap and RSS per service with their trends, the sell-out curves) and a per-round table. No
 * script, font or style is fetched from anywhere, so the page opens offline and can be attached to a ticket.
 */
public final class SoakReport {

    private SoakReport() {}

    /**
     * Reads {@code summaryJson} and writes the page to {@code outHtml}, creating its directory. Missing or null fields
     * are shown as missing, never fail the page. Returns, for the console beside the page, a line per fault drill that
     * ended and during which bookings were accepted: what they waited for once it was over ({@code stop-mysql:90s: 190
     * bookings accepted while it ran: all written after it ended, …}).
     *
     * @throws UncheckedIOException when the summary cannot be read or parsed, or the page cannot be written
     */
    public static List<String> write(Path summaryJson, Path outHtml) {
        try {
            Summary summary = SummaryReader.read(summaryJson);
            String html = SoakPage.render(summary, gatlingLink(summary.report(), summaryJson, outHtml));
            Path out = outHtml.toAbsolutePath();
            Files.createDirectories(out.getParent());
            // written beside and moved, so a browser refreshing the page never sees half of it
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            Files.writeString(partial, html);
            try {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            }
            return drillLines(summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the soak report " + outHtml + " from " + summaryJson, e);
        }
    }

    private static List<String> drillLines(Summary summary) {
        List<String> lines = new ArrayList<>();
        Optional<Instant> lastClose = lastClose(summary);
        for (Summary.Fault f : summary.faults()) {
            String argument = f.argument() == null || f.argument().isEmpty() ? "" : ":" + f.argument();
            Backlog.heldBy(summary.perRound(), f)
                    .ifPresent(held -> lines.add(f.name() + argument + ": " + held.sentence()));
            Instant ended = Text.instant(f.endedAt());
            if (ended != null && lastClose.isPresent() && ended.isAfter(lastClose.get())) {
                lines.add(f.name() + argument + ": still under way when the last round closed (it ended "
                        + Text.seconds((double)
                                Duration.between(lastClose.get(), ended).toMillis())
                        + " s later): no round played through the whole of it; run more rounds (--rounds) for that");
            }
        }
        return lines;
    }

    /** When the last round closed, from its opening and the run's {@code openFor}; empty when the summary lacks one. */
    private static Optional<Instant> lastClose(Summary summary) {
        if (summary.perRound().isEmpty() || summary.settings().get("openFor") == null) {
            return Optional.empty();
        }
        Instant opens = Text.instant(summary.perRound().getLast().opensAt());
        try {
            return opens == null
                    ? Optional.empty()
                    : Optional.of(opens.plus(Duration.parse(summary.settings().get("openFor"))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code SoakReport summary.json [report.html]}; the page goes beside the summary when no second path is given. */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SoakReport <summary.json> [<report.html>]");
            System.exit(2);
        }
        Path summary = Path.of(args[0]);
        Path out =
                args.length == 2 ? Path.of(args[1]) : summary.toAbsolutePath().resolveSibling("report.html");
        write(summary, out);
        System.out.println("soak report: " + out.toAbsolutePath().toUri());
    }

    /** Where the page links to the Gatling report, and whether that file was there when the page was written. */
    record Link(String href, boolean found) {}

    /**
     * summary.json's {@code report} as a link relative to the page. A relative path is looked up beside the summary,
     * then one level up (perf/soak writes perf/target/soak/summary.json and Gatling writes under perf/target/gatling);
     * the first that exists wins, else the first candidate is linked and marked as not found.
     */
    static Link gatlingLink(String report, Path summaryJson, Path outHtml) {
        if (report == null || report.isBlank()) {
            return null;
        }
        if (report.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return new Link(report, true);
        }
        Path written;
        try {
            written = Path.of(report);
        } catch (InvalidPathException e) {
            return new Link(report, false);
        }
        Path summaryDir = summaryJson.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        if (written.isAbsolute()) {
            candidates.add(written);
        } else {
            candidates.add(summaryDir.resolve(written));
            if (summaryDir.getParent() != null) {
                candidates.add(summaryDir.getParent().resolve(written));
            }
        }
        Path target = candidates.stream()
                .filter(Files::exists)
                .findFirst()
                .orElse(candidates.getFirst())
                .normalize();
        boolean found = Files.exists(target);
        Path pageDir = outHtml.toAbsolutePath().getParent();
        try {
            String relative = pageDir.relativize(target).toString().replace('\\', '/');
            String path = new URI(null, null, relative, null).getRawPath();
            // "a:b/…" would read as a URI scheme
            return new Link(path.contains(":") && !path.startsWith(".") ? "./" + path : path, found);
        } catch (IllegalArgumentException | URISyntaxException e) {
            return new Link(target.toUri().toString(), found);
        }
    }
}
