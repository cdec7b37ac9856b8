package dev.ticketingwarrior.perf.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples a service's memory between rounds, to tell a leak from a full heap: for a local process (its pid),
 * {@code jcmd <pid> GC.run} and then the heap in use — from the service's actuator when a base URL is given, else from
 * {@code jcmd <pid> GC.heap_info} — and the resident set from {@code /proc/<pid>/status}; for a remote service (no
 * pid), the actuator only: the live data after the last collection if the JVM reports it, else the heap in use, and
 * no RSS. Never throws: what it cannot read is left out and said through {@code notes}.
 */
public final class HeapSampler {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double MIB = 1024 * 1024;
    private static final Pattern ACTUATOR_VALUE =
            Pattern.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");
    private static final Pattern USED_AFTER = Pattern.compile("(\\d+)([KMG]) used");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s*kB");

    private final Consumer<String> notes;
    private final HttpClient http;

    /** {@code notes} gets one line per thing that could not be read (e.g. the runner's skipped list). */
    public HeapSampler(Consumer<String> notes) {
        this.notes = notes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A service running here: forced collection, heap after it, RSS. */
    public HeapSample sampleLocal(String service, long pid, Optional<URI> actuatorBase) {
        return sample(service, OptionalLong.of(pid), actuatorBase);
    }

    /** A service elsewhere: its actuator only. */
    public HeapSample sampleRemote(String service, URI actuatorBase) {
        return sample(service, OptionalLong.empty(), Optional.of(actuatorBase));
    }

    public HeapSample sample(String service, OptionalLong pid, Optional<URI> actuatorBase) {
        try {
            if (pid.isPresent()) {
                return local(service, pid.getAsLong(), actuatorBase);
            }
            if (actuatorBase.isPresent()) {
                return remote(service, actuatorBase.get());
            }
            notes.accept("heap " + service + ": neither a pid nor an actuator URL, not sampled");
        } catch (RuntimeException e) {
            notes.accept("heap " + service + ": not sampled (" + SourceFailure.brief(e) + ")");
        }
        return new HeapSample(service, Double.NaN, OptionalDouble.empty());
    }

    private HeapSample local(String service, long pid, Optional<URI> actuatorBase) {
        Optional<String> gc = jcmd(pid, "GC.run");
        if (gc.isEmpty()) {
            notes.accept("heap " + service + ": jcmd " + pid + " GC.run failed, heap read without a forced GC");
        }
        // an actuator that does not answer (e.g. the first read after a drill restarted the service) is worth a note
        // only if jcmd cannot tell either
        List<String> actuatorFailures = new ArrayList<>();
        OptionalDouble heap = actuatorBase
                .map(base -> metric(service, base, "jvm.memory.used?tag=area:heap", actuatorFailures::add))
                .orElse(OptionalDouble.empty());
        if (heap.isEmpty()) {
            heap = jcmd(pid, "GC.heap_info").map(HeapSampler::heapUsedMb).orElse(OptionalDouble.empty());
        }
        if (heap.isEmpty()) {
            actuatorFailures.forEach(notes);
            notes.accept("heap " + service + ": heap of pid " + pid + " not readable (actuator, jcmd GC.heap_info)");
        }
        OptionalDouble rss = rssMb(pid);
        if (rss.isEmpty()) {
            notes.accept("heap " + service + ": no VmRSS in /proc/" + pid + "/status");
        }
        return new HeapSample(service, heap.orElse(Double.NaN), rss);
    }

    private HeapSample remote(String service, URI base) {
        // no way to force a collection remotely: the live data the last collection left is the closest reading
        OptionalDouble live = metric(service, base, "jvm.gc.live.data.size", notes);
        if (live.isPresent() && live.getAsDouble() > 0) {
            return new HeapSample(service, live.getAsDouble(), OptionalDouble.empty());
        }
        OptionalDouble used = metric(service, base, "jvm.memory.used?tag=area:heap", notes);
        if (used.isPresent()) {
            notes.accept("heap " + service + ": remote, heap in use without a forced GC (no live-data metric)");
        } else {
            notes.accept("heap " + service + ": actuator at " + base + " not readable");
        }
        return new HeapSample(service, used.orElse(Double.NaN), OptionalDouble.empty());
    }

    /** One actuator metric in MiB; what went wrong reading it goes to {@code failures}. */
    private OptionalDouble metric(String service, URI base, String metric, Consumer<String> failures) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(root + "actuator/metrics/" + metric))
                            .timeout(Duration.ofSeconds(5))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            return actuatorValueMb(response.body());
        } catch (IOException | RuntimeException e) {
            failures.accept("heap " + service + ": " + metric + " not readable (" + SourceFailure.brief(e) + ")");
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /** The {@code VALUE} measurement of an actuator metric answer (bytes), in MiB. */
    static OptionalDouble actuatorValueMb(String json) {
        Matcher m = ACTUATOR_VALUE.matcher(json);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1)) / MIB) : OptionalDouble.empty();
    }

    /**
     * The heap in use from {@code jcmd GC.heap_info}, in MiB: the sum of the "used" sizes of its heap lines (one line
     * for G1 and ZGC, one per generation for Serial and Parallel), leaving out Metaspace and class space.
     */
    static OptionalDouble heapUsedMb(String heapInfo) {
        double kib = 0;
        boolean found = false;
        for (String line : heapInfo.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
                continue;
            }
            Matcher m = USED.matcher(trimmed);
            if (!m.find()) {
                m = USED_AFTER.matcher(trimmed);
                if (!m.find()) {
                    continue;
                }
            }
            kib += Long.parseLong(m.group(1))
                    * switch (m.group(2)) {
                        case "K" -> 1.0;
                        case "M" -> 1024.0;
                        default -> 1024.0 * 1024.0;
                    };
            found = true;
        }
        return found ? OptionalDouble.of(kib / 1024.0) : OptionalDouble.empty();
    }

    static OptionalDouble rssMb(long pid) {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? OptionalDouble.of(Long.parseLong(m.group(1)) / 1024.0) : OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    private static Optional<String> jcmd(long pid, String command) {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String jcmd = Files.isExecutable(beside) ? beside.toString() : "jcmd";
        Path output = null;
        try {
            // into a file, not a pipe: a jcmd that hangs must not hang the reader past the timeout
            output = Files.createTempFile("jcmd-", ".txt");
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0
                    ? Optional.of(Files.readString(output, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
