package dev.ticketingwarrior.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis of its own that, like ElastiCache with its RBAC user group (infrastructure's DataStack), serves only the one
 * user that signs in with its password: the {@code default} user is off, and the user gets the access string the
 * services get in AWS. For integration tests of the services' credentials; {@link LocalStack}'s Redis asks for none.
 * The caller closes it.
 */
public final class AuthRedis implements AutoCloseable {

    /** The services' access string in AWS; a test in infrastructure keeps DataStack's equal to this. */
    public static final String SERVICES_ACCESS_STRING = "on ~* +@all -@dangerous +info";

    private static final String LOOPBACK = "127.0.0.1";

    private final RedisServer server;
    private final Path pidFile;
    private final int port;

    private AuthRedis(RedisServer server, Path pidFile, int port) {
        this.server = server;
        this.pidFile = pidFile;
        this.port = port;
    }

    /** Starts it on a free loopback port, its files under {@code dir}, with {@link #SERVICES_ACCESS_STRING}. */
    public static AuthRedis start(Path dir, String username, String password) {
        Path pidFile = dir.resolve("redis.pid");
        Processes.killOrphan(pidFile, "redis-server");
        int port = LocalStack.claimPort(0, "Redis", "REDIS_PORT", "REDIS_URL");
        try {
            Files.createDirectories(dir);
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind(LOOPBACK)
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    // Valkey 7.2 and later: a user reaches no Pub/Sub channel it is not given
                    .setting("acl-pubsub-default resetchannels")
                    .setting("user default off")
                    .setting("user " + username + " " + SERVICES_ACCESS_STRING + " >" + password)
                    .build();
            server.start();
            return new AuthRedis(server, pidFile, port);
        } catch (IOException e) {
            throw new IllegalStateException("Redis did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** Without credentials: {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://" + LOOPBACK + ":" + port;
    }

    /** What the server answers a client that has not signed in, e.g. {@code -NOAUTH Authentication required.} */
    public String pingWithoutSigningIn() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            throw new IllegalStateException("no answer from Redis on 127.0.0.1:" + port, e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            // the pid file below ends it
        }
        Processes.killOrphan(pidFile, "redis-server");
    }
}
