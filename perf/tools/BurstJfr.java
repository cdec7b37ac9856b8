import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a burst's time went inside booking, from a JFR recording made with method tracing (JDK 25, JEP 520) of the
 * request path (perf/burst-bench.sh PROFILE=1 records it around the measured bursts).
 *
 * <pre>
 * java perf/tools/BurstJfr.java RECORDING.jfr WINDOW_FILE...
 *   WINDOW_FILE  "startEpochMs endEpochMs" of one burst (BurstBench writes window-&lt;burst&gt;.txt)
 * </pre>
 *
 * Per burst: every request (a virtual thread running {@code Http11Processor.service}) split into the traced calls it
 * made — token check, the Redis calls, the SQS send — and the rest; the SQS send split into the wait for one of the
 * batches in flight to come back (a slot) and its own batch's round trip (reconstructed: the batcher takes waiting
 * messages in order, at most 10 per {@code SendMessageBatch}); GC pauses, JIT compilations and virtual threads pinned
 * during the burst; and booking's sampled CPU by thread kind and by library.
 */
public class BurstJfr {

    /** The methods perf/burst-bench.sh traces; a request's parts are the ones that ran on its thread. */
    static final Map<String, String> PART = new LinkedHashMap<>();

    static {
        PART.put("org.apache.coyote.http11.Http11Processor.service", "request");
        PART.put("dev.ticketingwarrior.booking.sale.web.HoldController.hold", "hold handler");
        PART.put("dev.ticketingwarrior.booking.sale.web.BookingController.book", "book handler");
        PART.put("dev.ticketingwarrior.booking.player.web.PlayerAuthentication.authenticate", "token check");
        PART.put("dev.ticketingwarrior.booking.sale.redis.RedissonSeatLocks.expiringCounter", "redis: lock counter (first claim of a seat)");
        PART.put("dev.ticketingwarrior.booking.sale.redis.RedissonSeatLocks.tryLock", "redis: seat lock");
        PART.put("dev.ticketingwarrior.booking.sale.redis.RedisHolds.register", "redis: register hold");
        PART.put("dev.ticketingwarrior.booking.sale.redis.RedisHolds.currentOf", "redis: current hold (seat taken)");
        PART.put("dev.ticketingwarrior.booking.sale.redis.RedisSales.sell", "redis: sell");
        PART.put("dev.ticketingwarrior.booking.sale.redis.RedisSales.close", "redis: complete");
        PART.put("dev.ticketingwarrior.booking.confirmation.sqs.SqsConfirmationOutbox.send", "sqs: send, wait for ack");
        PART.put("dev.ticketingwarrior.booking.confirmation.sqs.SqsConfirmationOutbox.sendBatch", "sqs: batch leaves");
    }

    /** The filter for JFR's method-trace option: every method above. */
    static String filter() {
        return String.join(";", PART.keySet().stream()
                .map(m -> m.substring(0, m.lastIndexOf('.')) + "::" + m.substring(m.lastIndexOf('.') + 1))
                .toList());
    }

    record Traced(String part, long thread, long startNs, long endNs) {
        double ms() {
            return (endNs - startNs) / 1e6;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--filter")) {
            System.out.println(filter());
            return;
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        List<long[]> windows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] w = Files.readString(Path.of(args[i])).trim().split(" ");
            windows.add(new long[] {Long.parseLong(w[0]), Long.parseLong(w[1])});
        }
        for (int i = 0; i < windows.size(); i++) {
            long from = windows.get(i)[0], to = windows.get(i)[1];
            System.out.printf(Locale.ROOT, "jfr: burst %d (%d ms)%n", i + 1, to - from);
            report(events.stream().filter(e -> overlaps(e, from, to)).toList(), from);
        }
    }

    static boolean overlaps(RecordedEvent e, long from, long to) {
        return e.getEndTime().toEpochMilli() >= from && e.getStartTime().toEpochMilli() <= to;
    }

    static long ns(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static void report(List<RecordedEvent> events, long fromMs) {
        // ---- requests and their parts
        List<Traced> traced = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (!e.getEventType().getName().equals("jdk.MethodTrace")) {
                continue;
            }
            var m = e.getValue("method");
            String name = ((jdk.jfr.consumer.RecordedMethod) m).getType().getName() + "."
                    + ((jdk.jfr.consumer.RecordedMethod) m).getName();
            String part = PART.get(name);
            if (part != null && e.getThread() != null) {
                traced.add(new Traced(part, e.getThread().getId(), ns(e.getStartTime()), ns(e.getEndTime())));
            }
        }
        Map<Long, List<Traced>> byThread = new HashMap<>();
        for (Traced t : traced) {
            byThread.computeIfAbsent(t.thread(), k -> new ArrayList<>()).add(t);
        }
        // a request: one Http11Processor.service on a (virtual) thread, with the parts that ran inside it
        Map<String, Map<String, List<Double>>> kinds = new TreeMap<>();
        Map<String, List<Double>> totals = new TreeMap<>();
        for (Traced t : traced) {
            if (!t.part().equals("request")) {
                continue;
            }
            List<Traced> inside = byThread.get(t.thread()).stream()
                    .filter(p -> p != t && p.startNs() >= t.startNs() && p.endNs() <= t.endNs())
                    .toList();
            String kind = inside.stream().anyMatch(p -> p.part().equals("book handler")) ? "book"
                    : inside.stream().anyMatch(p -> p.part().equals("hold handler")) ? "hold" : null;
            if (kind == null) {
                continue;
            }
            Map<String, List<Double>> parts = kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            double handler = 0, known = 0;
            Map<String, Double> sums = new LinkedHashMap<>();
            for (Traced p : inside) {
                if (p.part().endsWith("handler")) {
                    handler += p.ms();
                } else if (!p.part().equals("sqs: batch leaves")) {
                    sums.merge(p.part(), p.ms(), Double::sum);
                }
            }
            for (var s : sums.entrySet()) {
                parts.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(s.getValue());
                if (!s.getKey().equals("token check")) {
                    known += s.getValue();
                }
            }
            double tokenCheck = sums.getOrDefault("token check", 0.0);
            parts.computeIfAbsent("rest of the handler", k -> new ArrayList<>()).add(Math.max(0, handler - known));
            parts.computeIfAbsent("outside the handler (Tomcat, MVC, token check, JSON)", k -> new ArrayList<>())
                    .add(Math.max(0, t.ms() - handler));
            totals.computeIfAbsent(kind, k -> new ArrayList<>()).add(t.ms());
        }
        for (var k : kinds.entrySet()) {
            List<Double> all = totals.get(k.getKey());
            System.out.printf(Locale.ROOT, "jfr:   %s: %d requests in booking, mean %.1f ms, p50 %.1f, p99 %.1f%n",
                    k.getKey(), all.size(), mean(all), pct(all, 50), pct(all, 99));
            for (var p : k.getValue().entrySet()) {
                List<Double> v = p.getValue();
                System.out.printf(Locale.ROOT, "jfr:     %-55s mean %6.1f ms per %s (%d calls, p50 %.1f, p99 %.1f)%n",
                        p.getKey(), v.stream().mapToDouble(Double::doubleValue).sum() / all.size(), k.getKey(),
                        v.size(), pct(v, 50), pct(v, 99));
            }
        }
        sqsSlots(traced);

        // ---- GC, JIT, pinning
        double gcMs = 0;
        int gcs = 0;
        int compilations = 0;
        double compileMs = 0;
        int pinned = 0;
        double pinnedMs = 0;
        Map<String, Integer> cpuByThread = new TreeMap<>();
        Map<String, Integer> cpuByLibrary = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                }
                case "jdk.Compilation" -> {
                    compilations++;
                    compileMs += e.getDuration().toNanos() / 1e6;
                }
                case "jdk.VirtualThreadPinned" -> {
                    pinned++;
                    pinnedMs += e.getDuration().toNanos() / 1e6;
                }
                case "jdk.ExecutionSample" -> {
                    samples++;
                    var thread = e.getThread("sampledThread");
                    String name = thread == null ? "?" : thread.isVirtual() ? "virtual threads (requests)"
                            : String.valueOf(thread.getJavaName()).replaceAll("\\d+", "#");
                    cpuByThread.merge(name, 1, Integer::sum);
                    cpuByLibrary.merge(library(e), 1, Integer::sum);
                }
                default -> {}
            }
        }
        System.out.printf(Locale.ROOT,
                "jfr:   GC: %d collections, %.1f ms of pauses; JIT: %d compilations finished (%.0f ms of compiler time);"
                        + " virtual threads pinned: %d (%.1f ms)%n",
                gcs, gcMs, compilations, compileMs, pinned, pinnedMs);
        System.out.printf(Locale.ROOT, "jfr:   CPU samples (Java code only, %d): by thread %s%n", samples, top(cpuByThread, samples, 8));
        System.out.printf(Locale.ROOT, "jfr:   CPU samples by library (top frame outside the JDK): %s%n", top(cpuByLibrary, samples, 10));
    }

    /**
     * The SQS sends of the burst against the batches that left: messages are taken in the order they were submitted,
     * at most 10 per batch, so each send's batch is known; a send's time splits into the wait before its batch left
     * (both slots busy) and the rest (its batch's round trip and the wake-up of the waiting thread).
     */
    static void sqsSlots(List<Traced> traced) {
        List<Traced> sends = traced.stream().filter(t -> t.part().startsWith("sqs: send")).sorted(Comparator.comparingLong(Traced::startNs)).toList();
        List<Traced> batches = traced.stream().filter(t -> t.part().equals("sqs: batch leaves")).sorted(Comparator.comparingLong(Traced::startNs)).toList();
        if (sends.isEmpty() || batches.isEmpty()) {
            return;
        }
        List<Double> beforeLeaving = new ArrayList<>(), afterLeaving = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int next = 0;
        for (Traced b : batches) {
            int size = 0;
            while (next < sends.size() && sends.get(next).startNs() <= b.startNs() && size < 10) {
                Traced s = sends.get(next++);
                beforeLeaving.add((b.startNs() - s.startNs()) / 1e6);
                afterLeaving.add((s.endNs() - b.startNs()) / 1e6);
                size++;
            }
            if (size > 0) {
                sizes.add(size);
            }
        }
        List<Double> firstAck = new ArrayList<>();
        int i = 0;
        for (int size : sizes) {
            firstAck.add(afterLeaving.subList(i, i + size).stream().mapToDouble(Double::doubleValue).min().orElse(0));
            i += size;
        }
        System.out.printf(Locale.ROOT,
                "jfr:   sqs: %d sends in %d batches (%.1f per batch); a send waited for its batch to leave: mean %.1f ms"
                        + " (p50 %.1f, p99 %.1f), then for its acknowledgement: mean %.1f ms (p50 %.1f, p99 %.1f);"
                        + " a batch's first acknowledgement came %.1f ms after it left (mean; p50 %.1f, max %.1f)%n",
                beforeLeaving.size(), sizes.size(), beforeLeaving.size() / (double) Math.max(1, sizes.size()),
                mean(beforeLeaving), pct(beforeLeaving, 50), pct(beforeLeaving, 99), mean(afterLeaving),
                pct(afterLeaving, 50), pct(afterLeaving, 99), mean(firstAck), pct(firstAck, 50), pct(firstAck, 100));
    }

    static String library(RecordedEvent e) {
        var stack = e.getStackTrace();
        if (stack == null) {
            return "?";
        }
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")) {
                continue;
            }
            String[] p = type.split("\\.");
            return p.length >= 3 ? p[0] + "." + p[1] + "." + p[2] : type;
        }
        return "JDK";
    }

    static String top(Map<String, Integer> counts, int total, int k) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(k)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)))
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double pct(List<Double> v, double q) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(q / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
