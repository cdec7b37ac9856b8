import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Holds many live event streams of admission at once (issue 20: 20,000 per instance) from one thread and one selector,
 * and measures what they cost and how late their events are.
 *
 * <pre>java StreamBench.java host port tickets-file streams extra admission-pid rate ops-token out-dir</pre>
 *
 * <ol>
 *   <li>Live heap of admission before (a class histogram, which collects first).
 *   <li>Opens {@code streams} streams ({@code GET /api/v1/queue/{id}/events}, each ticket from its own client address
 *       by X-Forwarded-For), paced, and waits for each one's first event; then {@code extra} more, which should be
 *       refused with 503 when {@code streams} is the instance's capacity.
 *   <li>While they are held: status polls and health checks still answered (latency), and the live heap again: the
 *       bytes each stream holds, and the classes that grew (out-dir/stream-heap-classes.txt).
 *   <li>Resumes admission at {@code rate} per second (the round was paused so every ticket waited) and reads every
 *       event until each stream has ended: how long a player waits for the first change of position, the gaps between
 *       position events while the queue moves, how stale a position is when it arrives (against the time the next
 *       ticket was admitted, from the admitted events' {@code adm} claims), how long a change of position took to
 *       reach the player (from when the position shown before stopped being true), and how late the {@code admitted} event
 *       is after the serving counter reached the ticket ({@code adm}).
 * </ol>
 */
public class StreamBench {

    static final long START_NANOS = System.nanoTime();

    final String host;
    final int port;
    final Selector selector;
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 16);
    final List<Stream> streams = new ArrayList<>();
    int ended;

    StreamBench(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        List<String> tickets = Files.readAllLines(Path.of(args[2]));
        int count = Integer.parseInt(args[3]);
        int extra = Integer.parseInt(args[4]);
        String pid = args[5];
        int rate = Integer.parseInt(args[6]);
        String opsToken = args[7];
        Path out = Path.of(args[8]);
        if (tickets.size() < count + extra) {
            throw new IllegalArgumentException("need " + (count + extra) + " tickets, have " + tickets.size());
        }
        StreamBench bench = new StreamBench(host, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://" + host + ":" + port;

        Histogram before = Histogram.of(pid);
        long rss0 = rssKib(pid);
        System.out.printf("stream-bench: live heap before %,d B, RSS %,d KiB%n", before.total, rss0);

        long t0 = System.nanoTime();
        bench.open(tickets.subList(0, count), 0, 2_500);
        bench.await(count, Duration.ofSeconds(120), s -> s.firstEventNanos > 0 || s.status > 0);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        int held = (int) bench.streams.stream().filter(s -> s.status == 200 && !s.closed).count();
        long[] firstEvent = bench.streams.stream()
                .filter(s -> s.firstEventNanos > 0)
                .mapToLong(s -> s.firstEventNanos - s.openNanos)
                .sorted()
                .toArray();
        System.out.printf(
                "stream-bench: opened %,d streams in %.1f s: %,d held, statuses %s; first event p50 %.0f ms, p99 %.0f"
                        + " ms%n",
                count, openSeconds, held, bench.statuses(0, count), pct(firstEvent, 50) / 1e6,
                pct(firstEvent, 99) / 1e6);

        if (extra > 0) {
            bench.open(tickets.subList(count, count + extra), count, 2_500);
            bench.await(count + extra, Duration.ofSeconds(60), s -> s.firstEventNanos > 0 || s.status > 0);
            System.out.printf(
                    "stream-bench: %,d more streams past capacity: statuses %s%n",
                    extra, bench.statuses(count, count + extra));
        }

        Histogram during = Histogram.of(pid);
        long rss1 = rssKib(pid);
        long perStream = (during.total - before.total) / Math.max(1, held);
        System.out.printf(
                "stream-bench: live heap with %,d streams %,d B: %,d B (%.1f KiB) per stream; RSS +%,d KiB (%.1f KiB"
                        + " per stream)%n",
                held, during.total, perStream, perStream / 1024.0, rss1 - rss0, (rss1 - rss0) / (double) held);
        Files.writeString(out.resolve("stream-heap-classes.txt"), during.grownFrom(before, held, 400));
        System.out.print(during.byLibrary(before, held));

        // while the streams are held (and selected, so the server's keep-alives are read), the rest still answers
        long[] polls = new long[200];
        long[] health = new long[200];
        int pollErrors = 0;
        for (int i = 0; i < polls.length; i++) {
            long s = System.nanoTime();
            HttpResponse<String> poll = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/queue/" + tickets.get((i * 7) % count)))
                            .header("X-Forwarded-For", "10.200." + (i / 256) + "." + (i % 256))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            polls[i] = System.nanoTime() - s;
            pollErrors += poll.statusCode() == 200 ? 0 : 1;
            s = System.nanoTime();
            HttpResponse<String> up = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            health[i] = System.nanoTime() - s;
            pollErrors += up.statusCode() == 200 ? 0 : 1;
            bench.pump(5);
        }
        Arrays.sort(polls);
        Arrays.sort(health);
        System.out.printf(
                "stream-bench: with them held, status poll p50 %.1f ms p99 %.1f ms, readiness p50 %.1f ms p99 %.1f"
                        + " ms, %d errors of %d%n",
                pct(polls, 50) / 1e6, pct(polls, 99) / 1e6, pct(health, 50) / 1e6, pct(health, 99) / 1e6,
                pollErrors, polls.length * 2);

        // the queue moves: every held stream sees its position change, then its admission
        boolean jfr = "1".equals(System.getenv("JFR"));
        if (jfr) { // a recording of the moving phase alone: out-dir/stream-move.jfr
            jcmd(pid, "JFR.start", "name=move", "settings=profile", "filename=" + out.resolve("stream-move.jfr"));
        }
        String threads0 = python("snap", pid);
        long cpu0 = cpuTicks(pid);
        long self0 = cpuTicks(Long.toString(ProcessHandle.current().pid()));
        long resumedAtMillis = System.currentTimeMillis();
        long resumedNanos = System.nanoTime();
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/admission"))
                        .header("Authorization", "Bearer " + opsToken)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"ratePerSecond\":" + rate
                                + ",\"openBatch\":0,\"maxActive\":0,\"paused\":false}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("resume: " + put.statusCode() + " " + put.body());
        }
        for (Stream s : bench.streams) {
            s.moving = true;
            s.lastEventNanos = Math.max(s.lastEventNanos, resumedNanos);
        }
        bench.await(
                bench.streams.size(),
                Duration.ofSeconds(held / Math.max(1, rate) + 60),
                s -> s.closed || s.status != 200);
        double moveSeconds = (System.nanoTime() - resumedNanos) / 1e9;
        double cpuSeconds = (cpuTicks(pid) - cpu0) / 100.0;
        if (jfr) {
            jcmd(pid, "JFR.stop", "name=move");
        }
        double selfSeconds = (cpuTicks(Long.toString(ProcessHandle.current().pid())) - self0) / 100.0;
        String threads1 = python("snap", pid);
        Path snap0 = Files.writeString(out.resolve("stream-threads-0.txt"), threads0);
        Path snap1 = Files.writeString(out.resolve("stream-threads-1.txt"), threads1);
        bench.report(resumedAtMillis, resumedNanos, moveSeconds, cpuSeconds);
        System.out.printf(
                "stream-bench: admission CPU by thread meanwhile (%% of a core): %s%n",
                python("diff", snap0.toString(), snap1.toString(), Double.toString(moveSeconds)).replace('\n', ' '));
        System.out.printf(
                "stream-bench: this bench's own CPU meanwhile (reading every stream): %.0f%% of a core%n",
                100 * selfSeconds / moveSeconds);
        System.exit(0);
    }

    void report(long resumedAtMillis, long resumedNanos, double moveSeconds, double cpuSeconds) {
        List<Stream> served = streams.stream().filter(s -> s.status == 200).toList();
        // when the counter reached each queue number, from the admitted events' adm claims
        Map<Long, Long> admittedAt = new HashMap<>();
        for (Stream s : served) {
            if (s.admMillis > 0) {
                admittedAt.put(s.queueNumber, s.admMillis);
            }
        }
        List<Long> firstChange = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        List<Long> staleness = new ArrayList<>();
        List<Long> changeWaited = new ArrayList<>();
        List<Long> admittedLate = new ArrayList<>();
        long admitted = 0;
        long closed = 0;
        long events = 0;
        long cut = 0;
        long failed = 0;
        for (Stream s : served) {
            events += s.movingEvents;
            if (s.firstChangeNanos > 0) {
                firstChange.add(s.firstChangeNanos - resumedNanos);
            }
            gaps.addAll(s.gaps);
            for (long[] seen : s.positions) { // {received epoch ms, position shown}
                // the position shown stopped being true when ticket (qn - position + 1) was admitted
                Long next = admittedAt.get(s.queueNumber - seen[1] + 1);
                if (next != null) {
                    staleness.add(Math.max(0, seen[0] - next));
                }
            }
            // how long a player saw a position already untrue: from when the queue passed the position shown before
            // (the next ticket's admission) until the event with the new one arrived; the first moving event is the
            // "first change" above
            for (int i = 1; i < s.positions.size(); i++) {
                long[] before = s.positions.get(i - 1);
                long[] now = s.positions.get(i);
                Long passed = admittedAt.get(s.queueNumber - before[1] + 1);
                if (now[1] < before[1] && passed != null) {
                    changeWaited.add(Math.max(0, now[0] - passed));
                }
            }
            if (s.admMillis > 0) {
                admitted++;
                admittedLate.add(s.admittedReceivedMillis - s.admMillis);
            }
            closed += s.closedEvent ? 1 : 0;
            cut += s.closed && s.admMillis == 0 && !s.closedEvent ? 1 : 0;
            failed += s.failed ? 1 : 0;
        }
        // the position events of one tick (the same served count) arrive as a burst: how long after its first one
        Map<Long, Long> firstOfTick = new HashMap<>();
        for (Stream s : served) {
            for (long[] seen : s.positions) {
                firstOfTick.merge(s.queueNumber - seen[1], seen[0], Math::min);
            }
        }
        List<Long> inBurst = new ArrayList<>();
        for (Stream s : served) {
            for (long[] seen : s.positions) {
                inBurst.add(seen[0] - firstOfTick.get(s.queueNumber - seen[1]));
            }
        }
        long[] ib = sorted(inBurst);
        long[] fc = sorted(firstChange);
        long[] g = sorted(gaps);
        long[] st = sorted(staleness);
        long[] al = sorted(admittedLate);
        long[] cw = sorted(changeWaited);
        System.out.printf(
                "stream-bench: the queue moved for %.1f s: %,d of %,d streams admitted, %,d closed, %,d position"
                        + " events (%.0f/s), admission CPU %.2f s (%.0f%% of a core)%n",
                moveSeconds, admitted, served.size(), closed, events, events / moveSeconds, cpuSeconds,
                100 * cpuSeconds / moveSeconds);
        if (cut > 0) {
            System.out.printf(
                    "stream-bench: WARNING %,d streams ended without an admitted or closed event (%,d failed)%n",
                    cut, failed);
        }
        System.out.printf(
                "stream-bench: first change of position after the resume: p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms"
                        + " (%,d streams)%n",
                pct(fc, 50) / 1e6, pct(fc, 99) / 1e6, pct(fc, 100) / 1e6, fc.length);
        System.out.printf(
                "stream-bench: gap between position events while waiting: p50 %,.0f ms, p99 %,.0f ms, max %,.0f"
                        + " ms (%,d gaps)%n",
                pct(g, 50) / 1e6, pct(g, 99) / 1e6, pct(g, 100) / 1e6, g.length);
        System.out.printf(
                "stream-bench: a position's age when it arrived (since the queue passed it): p50 %,d ms, p99 %,d ms,"
                        + " max %,d ms (%,d events)%n",
                pct(st, 50), pct(st, 99), pct(st, 100), st.length);
        System.out.printf(
                "stream-bench: a change of position reached the player (since the queue passed the position shown"
                        + " before): p50 %,d ms, p99 %,d ms, max %,d ms (%,d changes)%n",
                pct(cw, 50), pct(cw, 99), pct(cw, 100), cw.length);
        System.out.printf(
                "stream-bench: a position event after the first one of its tick: p50 %,d ms, p99 %,d ms, max %,d ms"
                        + " (%,d ticks)%n",
                pct(ib, 50), pct(ib, 99), pct(ib, 100), firstOfTick.size());
        System.out.printf(
                "stream-bench: admitted event after the counter reached the ticket: p50 %,d ms, p99 %,d ms, max %,d"
                        + " ms (%,d events)%n",
                pct(al, 50), pct(al, 99), pct(al, 100), al.length);
        System.out.printf("stream-bench: resumed at %d (epoch ms)%n", resumedAtMillis);
    }

    static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    String statuses(int from, int to) {
        Map<String, Integer> counts = new HashMap<>();
        for (Stream s : streams.subList(from, to)) {
            String key = s.status == 0 ? (s.failed ? "failed" : "none") : Integer.toString(s.status);
            counts.merge(key, 1, Integer::sum);
        }
        return counts.toString();
    }

    /** Connects one stream per ticket, {@code perSecond} at most, reading what is already open meanwhile. */
    void open(List<String> tickets, int offset, int perSecond) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < tickets.size(); i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            while (System.nanoTime() < due) {
                pump(1);
            }
            int n = offset + i;
            Stream s = new Stream(tickets.get(i), String.format("10.%d.%d.%d", 100 + n / 65536, (n / 256) % 256, n % 256));
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            s.openNanos = System.nanoTime();
            channel.connect(new InetSocketAddress(host, port));
            channel.register(selector, SelectionKey.OP_CONNECT, s);
            streams.add(s);
        }
    }

    interface Done {
        boolean test(Stream s);
    }

    void await(int upTo, Duration patience, Done done) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = 0; i < upTo && all; i++) {
                all = done.test(streams.get(i));
            }
            if (all) {
                return;
            }
            pump(50);
        }
        System.out.println("stream-bench: WARNING gave up waiting after " + patience.toSeconds() + " s");
    }

    void pump(long millis) throws IOException {
        selector.select(millis);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Stream s = (Stream) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    String request = "GET /api/v1/queue/" + s.ticket + "/events HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nAccept: text/event-stream\r\nX-Forwarded-For: " + s.address + "\r\n\r\n";
                    channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    readBuffer.clear();
                    int n = channel.read(readBuffer);
                    if (n < 0) {
                        s.closed = true;
                        key.cancel();
                        channel.close();
                        continue;
                    }
                    readBuffer.flip();
                    byte[] bytes = new byte[n];
                    readBuffer.get(bytes);
                    s.feed(bytes);
                    if (s.closed) {
                        key.cancel();
                        channel.close();
                    }
                }
            } catch (IOException e) {
                s.failed = true;
                s.closed = true;
                key.cancel();
                channel.close();
            }
        }
    }

    /** One stream: an HTTP/1.1 response, chunked, whose body is server-sent events. */
    static final class Stream {
        final String ticket;
        final String address;
        final long queueNumber;
        long openNanos;
        long firstEventNanos;
        int status;
        boolean failed;
        boolean closed;
        boolean closedEvent;
        boolean moving;
        long initialPosition = -1;
        long lastPosition = -1;
        long lastEventNanos;
        long firstChangeNanos;
        long movingEvents;
        List<Long> gaps = new ArrayList<>(0);
        List<long[]> positions = new ArrayList<>(0);
        long admMillis;
        long admittedReceivedMillis;
        private byte[] pending = new byte[0];
        private boolean headersDone;
        private long chunkLeft = -1; // -1: expecting a size line
        private final StringBuilder events = new StringBuilder();

        Stream(String ticket, String address) {
            this.ticket = ticket;
            this.address = address;
            String[] parts = ticket.split("-");
            this.queueNumber = Long.parseLong(parts[1]);
        }

        void feed(byte[] bytes) {
            byte[] data = pending.length == 0 ? bytes : concat(pending, bytes);
            int at = 0;
            if (!headersDone) {
                int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
                if (end < 0) {
                    pending = data;
                    return;
                }
                String head = new String(data, 0, end, StandardCharsets.ISO_8859_1);
                status = Integer.parseInt(head.substring(9, 12));
                headersDone = true;
                at = end + 4;
                if (status != 200) {
                    closed = true;
                    return;
                }
            }
            while (at < data.length) {
                if (chunkLeft < 0) {
                    int eol = indexOf(data, new byte[] {'\r', '\n'}, at);
                    if (eol < 0) {
                        break;
                    }
                    String size = new String(data, at, eol - at, StandardCharsets.US_ASCII).trim();
                    at = eol + 2;
                    if (size.isEmpty()) {
                        continue; // the CRLF that ends a chunk's data
                    }
                    chunkLeft = Long.parseLong(size.split(";")[0], 16);
                    if (chunkLeft == 0) {
                        closed = true;
                        parseEvents();
                        return;
                    }
                } else {
                    int take = (int) Math.min(chunkLeft, data.length - at);
                    events.append(new String(data, at, take, StandardCharsets.UTF_8));
                    at += take;
                    chunkLeft -= take;
                    if (chunkLeft == 0) {
                        chunkLeft = -1;
                    }
                }
            }
            pending = at < data.length ? Arrays.copyOfRange(data, at, data.length) : new byte[0];
            parseEvents();
        }

        private void parseEvents() {
            int end;
            while ((end = events.indexOf("\n\n")) >= 0) {
                String block = events.substring(0, end);
                events.delete(0, end + 2);
                String name = null;
                String data = null;
                for (String line : block.split("\n")) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data = line.substring(5).trim();
                    }
                }
                if (name != null && data != null) {
                    onEvent(name, data);
                }
            }
        }

        private void onEvent(String name, String data) {
            long now = System.nanoTime();
            if (firstEventNanos == 0) {
                firstEventNanos = now;
            }
            switch (name) {
                case "position" -> {
                    long position = number(data, "\"position\":");
                    if (initialPosition < 0) {
                        initialPosition = position;
                    }
                    if (moving) {
                        movingEvents++;
                        gaps.add(now - lastEventNanos);
                        positions.add(new long[] {System.currentTimeMillis(), position});
                        if (firstChangeNanos == 0 && position != initialPosition) {
                            firstChangeNanos = now;
                        }
                    }
                    lastPosition = position;
                    lastEventNanos = now;
                }
                case "admitted" -> {
                    admittedReceivedMillis = System.currentTimeMillis();
                    if (moving && firstChangeNanos == 0) {
                        firstChangeNanos = now;
                    }
                    String token = data.substring(data.indexOf("\"token\":\"") + 9);
                    String payload = token.split("\\.")[1];
                    String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
                    admMillis = number(claims, "\"adm\":");
                }
                case "closed" -> closedEvent = true;
                default -> {}
            }
        }

        static long number(String json, String field) {
            int at = json.indexOf(field);
            if (at < 0) {
                return -1;
            }
            at += field.length();
            int end = at;
            while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
                end++;
            }
            return Long.parseLong(json.substring(at, end));
        }

        static byte[] concat(byte[] a, byte[] b) {
            byte[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        static int indexOf(byte[] data, byte[] needle, int from) {
            outer:
            for (int i = from; i <= data.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** A class histogram of the live heap ({@code jcmd GC.class_histogram} collects first). */
    record Histogram(long total, Map<String, long[]> classes) {

        static Histogram of(String pid) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.class_histogram").redirectErrorStream(true).start();
            Map<String, long[]> classes = new HashMap<>();
            long total = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(jcmd.getInputStream()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 4 && f[0].endsWith(":")) {
                        classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    } else if (f.length >= 3 && f[0].equals("Total")) {
                        total = Long.parseLong(f[2]);
                    }
                }
            }
            jcmd.waitFor();
            return new Histogram(total, classes);
        }

        /** What each library's classes added per stream (arrays and JDK classes under "java"). */
        String byLibrary(Histogram before, int streams) {
            Map<String, Long> bytes = new HashMap<>();
            classes.forEach((name, now) -> {
                long[] was = before.classes.getOrDefault(name, new long[2]);
                bytes.merge(library(name), now[1] - was[1], Long::sum);
            });
            StringBuilder out = new StringBuilder("stream-bench: live heap per stream by library:");
            bytes.entrySet().stream()
                    .filter(e -> Math.abs(e.getValue()) / streams >= 50)
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> out.append(String.format(" %s %,d B;", e.getKey(), e.getValue() / streams)));
            return out.append(System.lineSeparator()).toString();
        }

        static String library(String name) {
            String[] parts = name.split("\\.");
            if (name.startsWith("[") || parts.length < 3 || name.startsWith("java.") || name.startsWith("jdk.")) {
                return name.startsWith("[L") && !name.startsWith("[Ljava.") ? library(name.substring(2)) : "java";
            }
            return parts[0] + "." + parts[1] + (parts[0].equals("reactor") || parts[0].equals("org") || parts[0].equals("dev") ? "." + parts[2] : "");
        }

        String grownFrom(Histogram before, int streams, int top) {
            StringBuilder out = new StringBuilder(String.format(
                    "%-70s %12s %12s %10s%n", "class (live heap, grown with " + streams + " streams)", "instances",
                    "bytes", "B/stream"));
            classes.entrySet().stream()
                    .map(e -> {
                        long[] was = before.classes.getOrDefault(e.getKey(), new long[2]);
                        return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                    })
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(top)
                    .forEach(e -> out.append(String.format(
                            "%-70s %12d %12d %10.1f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                            e.getValue()[1] / (double) streams)));
            return out.toString();
        }
    }

    /** perf/tools/thread_cpu.py's output. */
    static String python(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("python3", "perf/tools/thread_cpu.py"));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return output;
    }

    static void jcmd(String pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", pid));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static long rssKib(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    static long cpuTicks(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
