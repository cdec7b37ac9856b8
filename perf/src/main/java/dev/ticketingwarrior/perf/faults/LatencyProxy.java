package dev.ticketingwarrior.perf.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.ticketingwarrior.perf.audit.AuditConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback in front of one server (Redis, ElasticMQ) that can hold back what clients send by a set
 * delay, so every request/response round trip through it takes that much longer — the {@code slow-redis} and
 * {@code slow-sqs} drills. Bytes pass unchanged and in order; a chunk is delayed by the setting in force when it was
 * read, and chunks behind it are not held up further (latency, not a bandwidth limit). Answers are not delayed.
 *
 * <p>In front of several servers ({@link Upstreams}, e.g. a {@link Rotation}) each new connection goes to the first of
 * them that accepts it: the {@link Balancer} of the {@code rolling-deploy} drill.
 *
 * <p>{@code java … LatencyProxy --listen PORT --target HOST:PORT --control PORT}: the control port answers
 * {@code GET /delay} and takes {@code PUT /delay} with a duration ({@code 50ms}, {@code 0}).
 */
public final class LatencyProxy implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int CHUNK = 16 * 1024;

    private final ServerSocket server;
    private final Upstreams upstreams;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;

    private LatencyProxy(ServerSocket server, Upstreams upstreams) {
        this.server = server;
        this.upstreams = upstreams;
    }

    /** Listens on {@code port} of 127.0.0.1 (0: a free one) and forwards every connection to {@code target}. */
    public static LatencyProxy start(int port, InetSocketAddress target) throws IOException {
        return start(port, () -> List.of(target));
    }

    /** Listens on {@code port} of 127.0.0.1 (0: a free one); each connection goes to the first upstream that accepts. */
    public static LatencyProxy start(int port, Upstreams upstreams) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        LatencyProxy proxy = new LatencyProxy(server, upstreams);
        proxy.threads.submit(proxy::accept);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    public Duration delay() {
        return delay;
    }

    /** From now on, what clients send reaches the server this much later. */
    public void delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        this.delay = delay;
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(LatencyProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            threads.submit(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        Socket upstream = null;
        try {
            client.setTcpNoDelay(true);
            for (InetSocketAddress target : upstreams.forNewConnection()) {
                upstream = connectTo(target);
                if (upstream != null) {
                    break;
                }
            }
        } catch (IOException e) {
            // the client is gone already: nothing to forward
        }
        if (upstream == null) {
            // every server is down: the client sees its connection closed, as it would without the proxy
            closeAndForget(client);
            return;
        }
        Pair pair = new Pair(client, upstream);
        pipe(client, upstream, true, pair);
        pipe(upstream, client, false, pair);
    }

    /** A connection to {@code target}, or null when it refuses or does not answer within the timeout. */
    private Socket connectTo(InetSocketAddress target) {
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            upstream.setTcpNoDelay(true);
            upstream.connect(target, (int) CONNECT_TIMEOUT.toMillis());
            return upstream;
        } catch (IOException e) {
            return closeAndForget(upstream);
        }
    }

    private Socket closeAndForget(Socket socket) {
        closeQuietly(socket);
        sockets.remove(socket);
        return null;
    }

    /** One direction: a reader stamps each chunk with when it may leave, a writer sends it then. */
    private void pipe(Socket from, Socket to, boolean delayed, Pair pair) {
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        threads.submit(() -> {
            // not closed here: closing a socket's stream closes the socket, and the other direction may still run
            try {
                InputStream in = from.getInputStream();
                byte[] buffer = new byte[CHUNK];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    long due = System.nanoTime() + (delayed ? delay.toNanos() : 0);
                    chunks.put(new Chunk(Arrays.copyOf(buffer, read), due));
                }
                chunks.put(Chunk.END);
            } catch (IOException | InterruptedException e) {
                pair.close();
                chunks.offer(Chunk.END);
            }
        });
        threads.submit(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = chunks.take();
                    if (chunk == Chunk.END) {
                        if (!to.isClosed()) {
                            to.shutdownOutput();
                        }
                        pair.oneSideDone();
                        return;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                pair.close();
            }
        });
    }

    private record Chunk(byte[] bytes, long dueNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /** Both sockets of one connection: closed once both directions ended, or at once on an error. */
    private final class Pair {
        private final Socket client;
        private final Socket upstream;
        private int done;

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        synchronized void oneSideDone() {
            if (++done == 2) {
                close();
            }
        }

        void close() {
            closePair(client, upstream);
        }
    }

    private void closePair(Socket client, Socket upstream) {
        closeQuietly(client);
        closeQuietly(upstream);
        sockets.remove(client);
        sockets.remove(upstream);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing on the way out: nothing left to tell
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int listen = -1;
        int control = -1;
        String target = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--listen" -> listen = Integer.parseInt(args[i + 1]);
                case "--control" -> control = Integer.parseInt(args[i + 1]);
                case "--target" -> target = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (listen < 0 || control < 0 || target == null || !target.contains(":")) {
            System.err.println("usage: LatencyProxy --listen PORT --target HOST:PORT --control PORT");
            System.exit(2);
        }
        LatencyProxy proxy = start(listen, address(target));
        serveControl(control, "/delay", exchange -> control(proxy, exchange), proxy);
        System.out.printf("latency-proxy: READY 127.0.0.1:%d -> %s (control :%d)%n", proxy.port(), target, control);
        Thread.currentThread().join();
    }

    /** {@code HOST:PORT} as an address. */
    static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not HOST:PORT: " + hostAndPort);
        }
        return new InetSocketAddress(
                hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /**
     * Serves a control API under {@code path} on {@code port} of loopback (this proxy's, the {@link Balancer}'s); when
     * the JVM exits, it stops and then closes {@code parts}.
     */
    static void serveControl(int port, String path, HttpHandler handler, AutoCloseable... parts) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext(path, handler);
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            for (AutoCloseable part : parts) {
                closeQuietly(part);
            }
        }));
    }

    private static void control(LatencyProxy proxy, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("PUT")) {
                String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
                Duration delay;
                try {
                    delay = AuditConfig.parsePeriod(text.isEmpty() ? "0" : text);
                    proxy.delay(delay);
                } catch (IllegalArgumentException e) {
                    reply(exchange, 400, e.getMessage());
                    return;
                }
                System.out.printf("latency-proxy: %s delay now %d ms%n", Instant.now(), delay.toMillis());
            } else if (!exchange.getRequestMethod().equals("GET")) {
                reply(exchange, 405, "GET or PUT");
                return;
            }
            reply(exchange, 200, proxy.delay().toMillis() + "ms");
        }
    }

    /** A plain-text answer of the control ports (this proxy's and the {@link Balancer}'s). */
    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
