import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The 100-seat burst of issue 18: CLIENTS players released at the same instant against booking's default 10 x 10
 * venue, each trying up to TRIES random seats (distinct, drawn from the whole venue) until one sticks: hold
 * ({@code POST /api/v1/rounds/{r}/holds}), then book ({@code POST /api/v1/bookings} with an Idempotency-Key);
 * {@code 409 seat-taken} on a hold moves on to the next seat. Every burst runs on a fresh round (booking runs rounds of
 * PERIOD seconds, open all along), at OFFSET ms after the round opened, as players arrive at second 0.
 *
 * <p>First WARM seconds of the same bursts, one per round (the JIT meets exactly what is measured), then BURSTS
 * measured ones. Per measured burst: requests per second (every answer from the release of the clients to the last
 * answer), the time from the release to the 100th 202, per-request p50/p99 of holds and books, what booking's own
 * timers and SQS batch sizes said over the burst (Prometheus, before/after), and CPU per process and per booking thread
 * group over the burst (from /proc). At the end every 202 is polled ({@code GET /api/v1/bookings/{id}}) until CONFIRMED
 * or REJECTED, and the seats of the 202s are checked for a seat accepted twice. Then the median of the bursts.
 *
 * <p>The client: each player is a virtual thread with its own keep-alive connection, opened (and used once for a cheap
 * GET) before the release, as a browser that just loaded the seat map has. {@code client=raw} (default) writes HTTP/1.1
 * on a plain blocking socket and reads the answer in full, so a request's time is what it spent on the wire and in
 * booking, and the load generator costs little CPU on the shared cores; {@code client=jdk} uses java.net.http
 * (its selector thread hands every answer to the waiting virtual thread: more CPU and one more hand-off).
 *
 * <p>Modes: {@code full} (the burst above), {@code hold} (players stop at their first 201: the hold path alone) and
 * {@code book} (the first SEATS players each hold a distinct seat before the release, then all book at once: the
 * booking path alone).
 *
 * <pre>
 * java -cp &lt;shared + nimbus-jose-jwt&gt; perf/tools/BurstBench.java key=value...
 *   base        booking's URL (http://127.0.0.1:PORT)
 *   keys        the private JWK set (MintTokens creates it; booking gets its public part as TICKETING_TOKEN_KEYS)
 *   botKey      booking's TICKETING_BOT_KEY (players are bots: they skip the security letter, as in booking-bench.sh)
 *   period      booking's round period in s (TICKETING_ROUND_PERIOD = TICKETING_ROUND_OPEN_FOR)
 *   out         directory for raw files (per-request CSV, scrapes, 202s, summary)
 *   clients=200 tries=5 rows=10 columns=10 warm=30 bursts=3 offset=50 gap=0 client=raw mode=full
 *   pids=name:pid,...   processes whose CPU is reported per burst; the one named "booking" also per thread group
 *   confirmTimeout=60   s to wait for every 202 to be CONFIRMED or REJECTED
 * </pre>
 */
public class BurstBench {

    // ------------------------------------------------------------------------------------------------ configuration

    static String base;
    static String botKey;
    static int clients, tries, rows, columns, period, bursts, offsetMs, warmSeconds, warmJit, warmMax, gapSeconds;
    static int confirmTimeout;
    static String warmNote = "";
    static String clientKind, mode;
    static Path out;
    static Map<String, Integer> pids = new LinkedHashMap<>();
    static AdmissionTokenIssuer issuer;
    static List<String> seats = new ArrayList<>();
    static HttpClient jdk;
    static PrintWriter log;

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not key=value: " + arg);
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        base = req(a, "base");
        botKey = req(a, "botKey");
        period = Integer.parseInt(req(a, "period"));
        out = Path.of(req(a, "out"));
        clients = Integer.parseInt(a.getOrDefault("clients", "200"));
        tries = Integer.parseInt(a.getOrDefault("tries", "5"));
        rows = Integer.parseInt(a.getOrDefault("rows", "10"));
        columns = Integer.parseInt(a.getOrDefault("columns", "10"));
        warmSeconds = Integer.parseInt(a.getOrDefault("warm", "30"));
        warmJit = Integer.parseInt(a.getOrDefault("warmJit", "15"));
        warmMax = Integer.parseInt(a.getOrDefault("warmMax", "300"));
        bursts = Integer.parseInt(a.getOrDefault("bursts", "3"));
        offsetMs = Integer.parseInt(a.getOrDefault("offset", "50"));
        gapSeconds = Integer.parseInt(a.getOrDefault("gap", "0"));
        confirmTimeout = Integer.parseInt(a.getOrDefault("confirmTimeout", "60"));
        clientKind = a.getOrDefault("client", "raw");
        mode = a.getOrDefault("mode", "full");
        if (!List.of("raw", "jdk").contains(clientKind) || !List.of("full", "hold", "book").contains(mode)) {
            throw new IllegalArgumentException("client is raw|jdk, mode is full|hold|book");
        }
        for (String p : a.getOrDefault("pids", "").split(",")) {
            if (p.contains(":")) {
                pids.put(p.substring(0, p.indexOf(':')), Integer.parseInt(p.substring(p.indexOf(':') + 1)));
            }
        }
        pids.put("load generator", (int) ProcessHandle.current().pid());
        Files.createDirectories(out);
        log = new PrintWriter(Files.newBufferedWriter(out.resolve("burst-log.txt")), true);
        issuer = new AdmissionTokenIssuer(
                TokenKeys.loadOrCreateDevKeys(Path.of(req(a, "keys")), Instant.now()), TokenDefaults.ISSUER);
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c <= columns; c++) {
                seats.add((char) ('A' + r) + "-" + c);
            }
        }
        if (clientKind.equals("jdk")) {
            jdk = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
        }
        say("burst: %d clients x up to %d seats on %d seats (%dx%d), mode %s, client %s, rounds of %d s, release at"
                        + " +%d ms",
                clients, tries, seats.size(), rows, columns, mode, clientKind, period, offsetMs);

        // PROFILE: JFR (with the request path's methods traced) from before the warm-up, so the tracing's own
        // instrumentation is compiled by the time the measured bursts run
        jfrFile = a.get("jfr");
        jfrTrace = a.get("jfrTrace");
        jfr("JFR.start", "name=burst", "settings=profile", "filename=" + jfrFile, "method-trace=" + jfrTrace);

        // warm-up: the same bursts, one per round, for at least WARM seconds, then until booking's JIT compiler
        // threads used less than WARM_JIT % of a core over the last three bursts (at most WARM_MAX seconds)
        long started = System.currentTimeMillis();
        long warmEnd = started + warmSeconds * 1000L, warmMaxEnd = started + Math.max(warmSeconds, warmMax) * 1000L;
        int warmed = 0;
        List<Burst> recent = new ArrayList<>();
        double jit = 100;
        while (System.currentTimeMillis() < warmEnd || (jit >= warmJit && System.currentTimeMillis() < warmMaxEnd)) {
            Burst b = runBurst("w" + warmed, 0, false);
            warmed++;
            recent.add(b);
            if (recent.size() > 3) {
                recent.removeFirst();
            }
            jit = recent.stream().mapToDouble(Burst::jitTicks).sum() / TICKS * 100
                    / recent.stream().mapToDouble(Burst::wall).sum();
            say("burst: warm-up %d (round %s, JIT %.0f%%): %s", warmed, b.round, b.jitTicks() / TICKS * 100 / b.wall(),
                    b.line());
        }
        warmNote = String.format(Locale.ROOT, "%d warm-up bursts in %.0f s, JIT compiler threads %.0f%% of a core over"
                + " the last three", warmed, (System.currentTimeMillis() - started) / 1000.0, jit);
        say("burst: warmed up: %s", warmNote);

        // measured bursts; one where the players' random picks left a seat untried (~16 % of bursts with 200 x 5
        // picks of 100) has no "100th seat" and is run again, up to BURSTS more times
        List<Burst> measured = new ArrayList<>(), ran = new ArrayList<>();
        for (int i = 0; measured.size() < bursts && i < 2 * bursts; i++) {
            Burst b = runBurst("m" + i, i == 0 ? 0 : gapSeconds, true);
            ran.add(b);
            say("burst: %d (round %s): %s", i + 1, b.round, b.line());
            say("burst:   %s", b.serverLine());
            say("burst:   %s", b.cpuLine());
            say("burst:   booking threads: %s", b.threadLine());
            if (b.sales.size() < seats.size() && !mode.equals("book")) {
                say("burst:   not counted: no player picked the %d seat(s) left; one more burst",
                        seats.size() - b.sales.size());
            } else {
                measured.add(b);
            }
        }
        jfr("JFR.stop", "name=burst");
        if (mode.equals("full")) {
            confirm(ran);
        }
        summary(measured, ran, warmed);
        log.close();
    }

    static String jfrFile, jfrTrace;

    /** jcmd against booking (pid "booking") when a JFR file was asked for. */
    static void jfr(String... command) throws IOException, InterruptedException {
        if (jfrFile == null) {
            return;
        }
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pids.get("booking"))));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + output);
        }
        log.println("jcmd " + String.join(" ", command) + ": " + output.strip());
    }

    static String req(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return v;
    }

    static void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.println(line);
    }

    // ------------------------------------------------------------------------------------------------ one burst

    record Call(int client, String kind, String seat, int status, long startNs, long endNs) {}

    record Sale(int client, String seat, String bookingId, long atNs) {}

    static final class Burst {
        String name, round;
        long releaseNs, releaseEpochMs;
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        List<Sale> sales = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Map<String, Double> promBefore = Map.of(), promAfter = Map.of();
        Map<String, Long> cpuBefore = Map.of(), cpuAfter = Map.of();
        Map<String, Long> threadsBefore = Map.of(), threadsAfter = Map.of();
        long hostBusy0, hostTotal0, hostBusy1, hostTotal1;
        long cpuNs0, cpuNs1;
        int confirmed, rejected, pending;

        double wall() {
            return Math.max(1e-3, (cpuNs1 - cpuNs0) / 1e9);
        }

        /** CPU ticks of booking's JIT compiler threads during the burst. */
        double jitTicks() {
            return threadsAfter.entrySet().stream()
                    .filter(e -> e.getKey().matches("\\d+ C\\d CompilerThre.*"))
                    .mapToLong(e -> e.getValue() - threadsBefore.getOrDefault(e.getKey(), e.getValue()))
                    .sum();
        }

        long lastNs() {
            return calls.stream().mapToLong(Call::endNs).max().orElse(releaseNs);
        }

        double seconds() {
            return (lastNs() - releaseNs) / 1e9;
        }

        double rps() {
            return calls.size() / Math.max(1e-9, seconds());
        }

        /** ms from the release to the n-th accepted booking (n-th 201 in hold mode); NaN if fewer. */
        double nthSaleMs(int n) {
            List<Long> at = new ArrayList<>();
            synchronized (sales) {
                for (Sale s : sales) {
                    at.add(s.atNs());
                }
            }
            Collections.sort(at);
            return at.size() < n ? Double.NaN : (at.get(n - 1) - releaseNs) / 1e6;
        }

        double[] latencies(String kind) {
            synchronized (calls) {
                return calls.stream()
                        .filter(c -> kind == null || c.kind().equals(kind))
                        .mapToDouble(c -> (c.endNs() - c.startNs()) / 1e6)
                        .sorted()
                        .toArray();
            }
        }

        long count(String kind, int status) {
            synchronized (calls) {
                return calls.stream()
                        .filter(c -> c.kind().equals(kind) && c.status() == status)
                        .count();
            }
        }

        String line() {
            double[] holds = latencies("hold"), books = latencies("book");
            return String.format(
                    Locale.ROOT,
                    "%d requests in %.0f ms = %.0f requests/s; %s %d (%s); 100th seat at %s; hold p50 %.1f p99 %.1f ms"
                            + " (%d), book p50 %.1f p99 %.1f ms (%d); other answers: %s",
                    calls.size(),
                    seconds() * 1000,
                    rps(),
                    mode.equals("hold") ? "held" : "sold",
                    sales.size(),
                    seats.size() + " seats",
                    Double.isNaN(nthSaleMs(seats.size())) ? "never" : String.format(Locale.ROOT, "%.0f ms", nthSaleMs(seats.size())),
                    pct(holds, 50),
                    pct(holds, 99),
                    holds.length,
                    pct(books, 50),
                    pct(books, 99),
                    books.length,
                    outcomes.isEmpty() ? "none" : new TreeMap<>(outcomes).toString());
        }

        double promDelta(String key) {
            return promAfter.getOrDefault(key, 0.0) - promBefore.getOrDefault(key, 0.0);
        }

        String serverLine() {
            double hc = promDelta("hold_count"), hs = promDelta("hold_sum");
            double bc = promDelta("book_count"), bs = promDelta("book_sum");
            double sc = promDelta("send_count"), ss = promDelta("send_sum");
            double gc = promDelta("gc_count"), gs = promDelta("gc_sum");
            StringBuilder deps = new StringBuilder();
            for (String dep : List.of("redis", "sqs", "mysql")) {
                double n = promDelta("cb_" + dep + "_count"), s = promDelta("cb_" + dep + "_sum");
                if (n > 0) {
                    deps.append(String.format(Locale.ROOT, "%s %s %.0f, mean %.1f ms", deps.isEmpty() ? "" : ",", dep, n,
                            s / n * 1000));
                }
            }
            return String.format(
                    Locale.ROOT,
                    "booking's timers: hold %.0f, mean %.1f ms; book %.0f, mean %.1f ms; SendMessageBatch %.0f calls,"
                            + " %.1f per batch; calls through its circuit breakers:%s; GC pauses %.0f (%.0f ms)",
                    hc,
                    hc > 0 ? hs / hc * 1000 : 0,
                    bc,
                    bc > 0 ? bs / bc * 1000 : 0,
                    sc,
                    sc > 0 ? ss / sc : 0,
                    deps,
                    gc,
                    gs * 1000);
        }

        String cpuLine() {
            double wall = (cpuNs1 - cpuNs0) / 1e9;
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "CPU over %.0f ms (%% of one core):", wall * 1000));
            for (String name : pids.keySet()) {
                long d = cpuAfter.getOrDefault(name, 0L) - cpuBefore.getOrDefault(name, 0L);
                b.append(String.format(Locale.ROOT, " %s %.0f%%,", name, d / TICKS / wall * 100));
            }
            b.append(String.format(
                    Locale.ROOT,
                    " host %.0f%% busy (all %d cores); booking's JIT compiler threads %.0f%%",
                    100.0 * (hostBusy1 - hostBusy0) / Math.max(1, hostTotal1 - hostTotal0),
                    Runtime.getRuntime().availableProcessors(),
                    jitTicks() / TICKS * 100 / wall()));
            return b.toString();
        }

        String threadLine() {
            double wall = (cpuNs1 - cpuNs0) / 1e9;
            Map<String, Long> groups = new HashMap<>();
            threadsAfter.forEach((k, v) -> {
                String group = k.substring(k.indexOf(' ') + 1).replaceAll("\\d+", "#");
                groups.merge(group, v - threadsBefore.getOrDefault(k, 0L), Long::sum);
            });
            return groups.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                    .limit(8)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey().strip(), e.getValue() / TICKS / wall * 100))
                    .reduce((x, y) -> x + ", " + y)
                    .orElse("n/a");
        }
    }

    static Burst runBurst(String name, int gapSeconds, boolean measured) throws Exception {
        Burst b = new Burst();
        b.name = name;
        // the next round that opens at least 1.5 s (and the gap) from now: time to mint and connect before it
        long now = System.currentTimeMillis() + 1500 + gapSeconds * 1000L;
        long p = period * 1000L;
        long open = (now + p - 1) / p * p;
        RoundId round = RoundId.startingAt(Instant.ofEpochMilli(open));
        b.round = round.value();
        List<String> tokens = mint(round, name, mode.equals("book") ? Math.max(clients, seats.size()) : clients);
        List<Conn> conns = new ArrayList<>();
        try (ExecutorService connect = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Conn>> opened = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                opened.add(connect.submit(BurstBench::connect));
            }
            for (var f : opened) {
                conns.add(f.get());
            }
        }
        // book mode: the first SEATS players hold a distinct seat each after the open, before the release
        long releaseAt = open + offsetMs;
        String[] heldIds = new String[clients];
        if (mode.equals("book")) {
            sleepUntil(open + 20);
            try (ExecutorService setup = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < Math.min(clients, seats.size()); i++) {
                    int c = i;
                    setup.submit(() -> {
                        Resp r = conns.get(c).send("POST", "/api/v1/rounds/" + round + "/holds", tokens.get(c), null,
                                "{\"seatId\":\"" + seats.get(c) + "\"}");
                        if (r.status == 201) {
                            heldIds[c] = field(r.body, "holdId");
                        }
                        return null;
                    });
                }
            }
        }
        // every burst is measured the same way (warm-up bursts too, so the JIT has compiled the scrape and the
        // measured bursts meet nothing new); the scrape comes a second or more before the release
        b.promBefore = scrape(measured ? name + "-before" : null);
        if (mode.equals("book")) {
            releaseAt = Math.max(releaseAt, System.currentTimeMillis() + 300);
        }
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int c = i;
            Thread.ofVirtual().name("player-" + c).start(() -> {
                try {
                    go.await();
                    play(b, c, round.value(), tokens.get(c), conns.get(c), heldIds[c]);
                } catch (Exception e) {
                    b.outcomes.merge("client error " + e.getClass().getSimpleName(), 1, Integer::sum);
                } finally {
                    done.countDown();
                }
            });
        }
        sleepUntil(releaseAt - 20);
        snapCpu(b, true);
        sleepUntil(releaseAt);
        b.releaseEpochMs = System.currentTimeMillis();
        b.releaseNs = System.nanoTime();
        go.countDown();
        done.await();
        snapCpu(b, false);
        b.promAfter = scrape(measured ? name + "-after" : null);
        if (measured) {
            writeCalls(b);
        }
        for (Conn c : conns) {
            c.close();
        }
        return b;
    }

    static void play(Burst b, int c, String round, String token, Conn conn, String heldId) throws IOException {
        if (mode.equals("book")) {
            if (heldId == null) {
                return;
            }
            book(b, c, token, conn, heldId, seats.get(c), "burst-" + round + "-" + c);
            return;
        }
        List<String> mine = new ArrayList<>(seats);
        Collections.shuffle(mine, ThreadLocalRandom.current());
        for (int t = 0; t < tries && t < mine.size(); t++) {
            String seat = mine.get(t);
            long t0 = System.nanoTime();
            Resp r = conn.send("POST", "/api/v1/rounds/" + round + "/holds", token, null, "{\"seatId\":\"" + seat + "\"}");
            long t1 = System.nanoTime();
            b.calls.add(new Call(c, "hold", seat, r.status, t0, t1));
            if (r.status == 409 && r.body.contains("seat-taken")) {
                continue;
            }
            if (r.status != 201) {
                b.outcomes.merge("hold " + r.status + " " + problem(r.body), 1, Integer::sum);
                return;
            }
            if (mode.equals("hold")) {
                b.sales.add(new Sale(c, seat, field(r.body, "holdId"), t1));
                return;
            }
            book(b, c, token, conn, field(r.body, "holdId"), seat, "burst-" + round + "-" + c);
            return;
        }
    }

    static void book(Burst b, int c, String token, Conn conn, String holdId, String seat, String key)
            throws IOException {
        long t0 = System.nanoTime();
        Resp r = conn.send("POST", "/api/v1/bookings", token, key, "{\"holdId\":\"" + holdId + "\"}");
        long t1 = System.nanoTime();
        b.calls.add(new Call(c, "book", seat, r.status, t0, t1));
        if (r.status == 202) {
            b.sales.add(new Sale(c, field(r.body, "seatId"), field(r.body, "bookingId"), t1));
        } else {
            b.outcomes.merge("book " + r.status + " " + problem(r.body), 1, Integer::sum);
        }
    }

    static List<String> mint(RoundId round, String prefix, int n) {
        Instant now = Instant.now();
        return IntStream.range(0, n)
                .parallel()
                .mapToObj(i -> issuer.issue(new AdmissionClaims(
                        prefix + "-" + i,
                        round,
                        prefix + i,
                        true,
                        i + 1L,
                        now.minusMillis(2000),
                        now.minusMillis(1000),
                        now,
                        now.plus(Duration.ofHours(2)),
                        prefix + "-" + round + "-" + i)))
                .toList();
    }

    static void sleepUntil(long epochMs) throws InterruptedException {
        long left;
        while ((left = epochMs - System.currentTimeMillis()) > 2) {
            Thread.sleep(left - 2);
        }
        while (System.currentTimeMillis() < epochMs) {
            Thread.onSpinWait();
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String problem(String body) {
        Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*?([a-z-]+)\"").matcher(body);
        return m.find() ? m.group(1) : body.length() > 60 ? body.substring(0, 60) : body;
    }

    static void writeCalls(Burst b) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("calls-" + b.name + ".csv")))) {
            w.println("client,kind,seat,status,start_ms,end_ms");
            synchronized (b.calls) {
                for (Call c : b.calls) {
                    w.printf(Locale.ROOT, "%d,%s,%s,%d,%.3f,%.3f%n", c.client(), c.kind(), c.seat(), c.status(),
                            (c.startNs() - b.releaseNs) / 1e6, (c.endNs() - b.releaseNs) / 1e6);
                }
            }
        }
        Files.writeString(out.resolve("window-" + b.name + ".txt"),
                b.releaseEpochMs + " " + (b.releaseEpochMs + Math.round((b.lastNs() - b.releaseNs) / 1e6)) + "\n");
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    record Resp(int status, String body) {}

    interface Conn {
        Resp send(String method, String path, String token, String idempotencyKey, String body) throws IOException;

        void close();
    }

    static Conn connect() throws IOException {
        Conn conn = clientKind.equals("raw") ? new RawConn() : new JdkConn();
        Resp r = conn.send("GET", "/actuator/health/liveness", null, null, null);
        if (r.status != 200) {
            throw new IOException("liveness " + r.status);
        }
        return conn;
    }

    /**
     * HTTP/1.1 on one blocking keep-alive socket; reads Content-Length and chunked bodies through a buffer of its own
     * (a BufferedInputStream locks on every byte read).
     */
    static final class RawConn implements Conn {
        private final String host;
        private final int port;
        private final byte[] buf = new byte[16384];
        private int pos, limit;
        private Socket socket;
        private InputStream in;
        private OutputStream outStream;

        RawConn() throws IOException {
            URI uri = URI.create(base);
            host = uri.getHost();
            port = uri.getPort();
            open();
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            outStream = socket.getOutputStream();
            pos = limit = 0;
        }

        @Override
        public Resp send(String method, String path, String token, String key, String body) throws IOException {
            StringBuilder h = new StringBuilder(512)
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\n");
            if (token != null) {
                h.append("Authorization: Bearer ").append(token).append("\r\nX-Bot-Key: ").append(botKey).append("\r\n");
            }
            if (key != null) {
                h.append("Idempotency-Key: ").append(key).append("\r\n");
            }
            if (body != null) {
                h.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
            } else {
                h.append("\r\n");
            }
            outStream.write(h.toString().getBytes(StandardCharsets.UTF_8));
            outStream.flush();
            String status = line();
            if (status == null) {
                throw new IOException("connection closed by booking");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false, close = false;
            for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                String lower = l.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int n; (n = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                    bytes(content, n);
                    line();
                }
                for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                    // trailers
                }
            } else if (length > 0) {
                bytes(content, length);
            }
            if (close) {
                close();
                open();
            }
            return new Resp(code, content.toString(StandardCharsets.UTF_8));
        }

        private boolean fill() throws IOException {
            if (pos < limit) {
                return true;
            }
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            limit = Math.max(0, n);
            return n > 0;
        }

        private void bytes(ByteArrayOutputStream to, int n) throws IOException {
            while (n > 0) {
                if (!fill()) {
                    throw new IOException("connection closed mid-answer");
                }
                int k = Math.min(n, limit - pos);
                to.write(buf, pos, k);
                pos += k;
                n -= k;
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            while (fill()) {
                int start = pos;
                while (pos < limit && buf[pos] != '\n') {
                    pos++;
                }
                s.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
                if (pos < limit) {
                    pos++; // the newline
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
            }
            return s.isEmpty() ? null : s.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** java.net.http on HTTP/1.1; the client's pool keeps the connections between requests. */
    static final class JdkConn implements Conn {
        @Override
        public Resp send(String method, String path, String token, String key, String body) throws IOException {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                r.header("Authorization", "Bearer " + token).header("X-Bot-Key", botKey);
            }
            if (key != null) {
                r.header("Idempotency-Key", key);
            }
            if (body != null) {
                r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> resp = jdk.send(r.build(), HttpResponse.BodyHandlers.ofString());
                return new Resp(resp.statusCode(), resp.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void close() {}
    }

    // ------------------------------------------------------------------------------------------------ server side

    static final Pattern PROM = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? ([0-9.eE+-]+|NaN)$");

    /** The few series of booking's Prometheus scrape the report reads, summed over their labels. */
    static Map<String, Double> scrape(String keepAs) {
        Map<String, Double> m = new HashMap<>();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (keepAs != null) {
                Files.writeString(out.resolve("prometheus-" + keepAs + ".txt"), r.body());
            }
            for (String line : r.body().split("\n")) {
                Matcher x = PROM.matcher(line);
                if (!x.matches() || x.group(3).equals("NaN")) {
                    continue;
                }
                String name = x.group(1), labels = x.group(2) == null ? "" : x.group(2);
                double v = Double.parseDouble(x.group(3));
                String key = null;
                if (name.startsWith("http_server_requests_seconds_") && labels.contains("method=\"POST\"")) {
                    String kind = labels.contains("uri=\"/api/v1/rounds/{roundId}/holds\"") ? "hold"
                            : labels.contains("uri=\"/api/v1/bookings\"") ? "book" : null;
                    if (kind != null && (name.endsWith("_count") || name.endsWith("_sum"))) {
                        key = kind + name.substring(name.lastIndexOf('_'));
                    }
                } else if (name.equals("ticketing_queue_send_batch_count") || name.equals("ticketing_queue_send_batch_sum")) {
                    key = "send" + name.substring(name.lastIndexOf('_'));
                } else if (name.equals("jvm_gc_pause_seconds_count") || name.equals("jvm_gc_pause_seconds_sum")) {
                    key = "gc" + name.substring(name.lastIndexOf('_'));
                } else if (name.startsWith("resilience4j_circuitbreaker_calls_seconds_")
                        && (name.endsWith("_count") || name.endsWith("_sum"))) {
                    Matcher dep = Pattern.compile("name=\"([a-z]+)\"").matcher(labels);
                    if (dep.find()) {
                        key = "cb_" + dep.group(1) + name.substring(name.lastIndexOf('_'));
                    }
                }
                if (key != null) {
                    m.merge(key, v, Double::sum);
                }
            }
        } catch (IOException | InterruptedException e) {
            say("burst: scrape failed: %s", e);
        }
        return m;
    }

    static final double TICKS = 100.0; // USER_HZ

    static void snapCpu(Burst b, boolean before) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> threads = new HashMap<>();
        for (var e : pids.entrySet()) {
            cpu.put(e.getKey(), ticks(Path.of("/proc/" + e.getValue() + "/stat")));
            if (e.getKey().equals("booking")) {
                try (var tasks = Files.list(Path.of("/proc/" + e.getValue() + "/task"))) {
                    tasks.forEach(t -> {
                        try {
                            String s = Files.readString(t.resolve("stat"));
                            String comm = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                            threads.put(t.getFileName() + " " + comm, ticks(s));
                        } catch (IOException ignored) {
                            // the thread ended
                        }
                    });
                } catch (IOException ignored) {
                    // the process ended
                }
            }
        }
        long[] host = host();
        if (before) {
            b.cpuBefore = cpu;
            b.threadsBefore = threads;
            b.hostBusy0 = host[0];
            b.hostTotal0 = host[1];
            b.cpuNs0 = System.nanoTime();
        } else {
            b.cpuAfter = cpu;
            b.threadsAfter = threads;
            b.hostBusy1 = host[0];
            b.hostTotal1 = host[1];
            b.cpuNs1 = System.nanoTime();
        }
    }

    static long ticks(Path stat) {
        try {
            return ticks(Files.readString(stat));
        } catch (IOException e) {
            return 0;
        }
    }

    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long[] host() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            long total = busy + Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {busy, total};
        } catch (IOException e) {
            return new long[] {0, 1};
        }
    }

    // ------------------------------------------------------------------------------------------------ afterwards

    /** Every 202 polled until CONFIRMED or REJECTED; a seat with two 202s is oversold. */
    static void confirm(List<Burst> measured) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + confirmTimeout * 1000L;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("accepted.txt")))) {
            for (Burst b : measured) {
                Map<String, Integer> perSeat = new HashMap<>();
                for (Sale s : b.sales) {
                    perSeat.merge(s.seat(), 1, Integer::sum);
                    w.println(b.round + " " + s.bookingId() + " " + s.seat());
                    String status = "PENDING";
                    while (true) {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/bookings/" + s.bookingId())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            status = field(r.body(), "status");
                        }
                        if (!"PENDING".equals(status) && status != null || System.currentTimeMillis() > deadline) {
                            break;
                        }
                        Thread.sleep(100);
                    }
                    switch (String.valueOf(status)) {
                        case "CONFIRMED" -> b.confirmed++;
                        case "REJECTED" -> b.rejected++;
                        default -> b.pending++;
                    }
                }
                long oversold = perSeat.values().stream().filter(n -> n > 1).count();
                say("burst: round %s: %d accepted (202), %d CONFIRMED, %d REJECTED, %d not settled in time; %d seats"
                                + " accepted twice",
                        b.round, b.sales.size(), b.confirmed, b.rejected, b.pending, oversold);
                b.outcomes.merge("oversold", (int) oversold, Integer::sum);
                if (oversold == 0) {
                    b.outcomes.remove("oversold");
                }
            }
        }
    }

    static void summary(List<Burst> measured, List<Burst> ran, int warmed) throws IOException {
        double[] rps = measured.stream().mapToDouble(Burst::rps).toArray();
        double[] last = measured.stream().mapToDouble(b -> b.nthSaleMs(seats.size())).toArray();
        double[] hold50 = measured.stream().mapToDouble(b -> pct(b.latencies("hold"), 50)).toArray();
        double[] hold99 = measured.stream().mapToDouble(b -> pct(b.latencies("hold"), 99)).toArray();
        double[] book50 = measured.stream().mapToDouble(b -> pct(b.latencies("book"), 50)).toArray();
        double[] book99 = measured.stream().mapToDouble(b -> pct(b.latencies("book"), 99)).toArray();
        long accepted = ran.stream().mapToLong(b -> b.sales.size()).sum();
        long confirmed = ran.stream().mapToLong(b -> b.confirmed).sum();
        long rejected = ran.stream().mapToLong(b -> b.rejected).sum();
        long errors = ran.stream()
                .mapToLong(b -> b.outcomes.values().stream().mapToLong(Integer::longValue).sum())
                .sum();
        boolean full = mode.equals("full");
        boolean settled = !full || confirmed == accepted;
        boolean pass = full && measured.size() == bursts && median(rps) >= 3000 && median(last) <= 300 && settled && errors == 0;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "burst: median of %d bursts (%d run; %s):", measured.size(), ran.size(),
                warmNote));
        lines.add(String.format(Locale.ROOT, "burst:   requests/s         %8.0f   (bursts: %s; target >= 3,000)", median(rps),
                join(rps, "%.0f")));
        lines.add(String.format(Locale.ROOT, "burst:   100th %-12s %8.0f ms (bursts: %s; target <= 300 ms)",
                mode.equals("hold") ? "seat held" : "seat sold", median(last), join(last, "%.0f")));
        lines.add(String.format(Locale.ROOT, "burst:   hold p50 / p99     %6.1f / %.1f ms (p50s %s; p99s %s)", median(hold50),
                median(hold99), join(hold50, "%.1f"), join(hold99, "%.1f")));
        lines.add(String.format(Locale.ROOT, "burst:   book p50 / p99     %6.1f / %.1f ms (p50s %s; p99s %s)", median(book50),
                median(book99), join(book50, "%.1f"), join(book99, "%.1f")));
        if (full) {
            lines.add(String.format(Locale.ROOT,
                    "burst:   every burst run: accepted (202) %d, CONFIRMED %d, REJECTED %d, unexpected answers %d -> %s", accepted, confirmed,
                    rejected, errors, pass ? "PASS" : "FAIL"));
        }
        for (String l : lines) {
            say("%s", l);
        }
        Files.write(out.resolve("summary.txt"), lines);
    }

    static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
    }

    static String join(double[] v, String f) {
        List<String> s = new ArrayList<>();
        for (double d : v) {
            s.add(String.format(Locale.ROOT, f, d));
        }
        return String.join(", ", s);
    }
}
