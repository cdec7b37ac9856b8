package dev.ticketingwarrior.admission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.admission.AdmissionApplication;
import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.TestClockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A Redis command whose connection dropped after Redis ran it, before its reply came, is not sent again when the
 * client reconnects: Lettuce's default would run it twice (an entry made twice, a budget spent twice). It fails, and
 * the caller answers 503. Admission reaches Redis here through a proxy that can cut the connection at that moment.
 */
class RedisReconnectIT {

    @Test
    void aCommandCutOffBeforeItsReplyFailsAndIsNotRunAgainAfterTheReconnect() throws Exception {
        URI redis = URI.create(AdmissionIntegrationTest.STACK.redisUrl());
        try (CuttingProxy proxy = new CuttingProxy(redis.getHost(), redis.getPort());
                ConfigurableApplicationContext app = new SpringApplicationBuilder(
                                AdmissionApplication.class, TestClockConfiguration.class)
                        .profiles("it")
                        .run("--spring.data.redis.url=redis://127.0.0.1:" + proxy.port(), "--server.port=0")) {
            ReactiveStringRedisTemplate commands = app.getBean(ReactiveStringRedisTemplate.class);
            String key = "reconnect-it:" + UUID.randomUUID();
            assertThat(commands.opsForValue().get(key).block(Duration.ofSeconds(5)))
                    .isNull();

            proxy.cutAfterForwarding(key);
            assertThatThrownBy(() -> commands.opsForValue().increment(key).block(Duration.ofSeconds(10)))
                    .as("the INCR whose reply never came")
                    .isInstanceOf(RuntimeException.class);

            assertThat(readAgain(commands, key)).as("times the INCR ran").isEqualTo("1");
        }
    }

    /** The key's value once the client has reconnected (commands fail fast until then). */
    private static String readAgain(ReactiveStringRedisTemplate commands, String key) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(15);
        while (true) {
            try {
                return commands.opsForValue().get(key).block(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Forwards loopback connections to Redis. Armed with a key, it forwards the client's bytes that name it, then holds
     * back whatever Redis answers and, once the key exists in Redis (the command ran), closes that connection both ways.
     */
    private static final class CuttingProxy implements AutoCloseable {

        private final ServerSocket server;
        private final String host;
        private final int target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicReference<String> marker = new AtomicReference<>();

        CuttingProxy(String host, int target) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.host = host;
            this.target = target;
            Thread.ofPlatform().daemon().name("cutting-proxy").start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void cutAfterForwarding(String text) {
            marker.set(text);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket redis = new Socket(host, target);
                    sockets.add(client);
                    sockets.add(redis);
                    AtomicBoolean holding = new AtomicBoolean();
                    Thread.ofPlatform().daemon().start(() -> pump(client, redis, holding, true));
                    Thread.ofPlatform().daemon().start(() -> pump(redis, client, holding, false));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to, AtomicBoolean holding, boolean fromClient) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!fromClient && holding.get()) {
                        continue; // the reply that never reaches the client
                    }
                    String armed = marker.get();
                    boolean cutting = fromClient
                            && armed != null
                            && new String(buffer, 0, read, StandardCharsets.UTF_8).contains(armed)
                            && marker.compareAndSet(armed, null);
                    if (cutting) {
                        holding.set(true); // before the command goes on: its reply cannot overtake this
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                    if (cutting) {
                        Thread.ofPlatform().daemon().start(() -> cut(from, to, armed));
                    }
                }
            } catch (IOException e) {
                // closed: the cut, or the end of the test
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        /** Closes the connection once Redis has run what it was sent: {@code key} (a counter) is no longer missing. */
        private void cut(Socket client, Socket redis, String key) {
            Instant until = Instant.now().plusSeconds(10);
            while (!exists(key) && Instant.now().isBefore(until)) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closeQuietly(client);
            closeQuietly(redis);
        }

        /** Whether Redis has {@code key}, asked on a connection of its own. */
        private boolean exists(String key) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            String command = "*2\r\n$6\r\nEXISTS\r\n$" + bytes.length + "\r\n" + key + "\r\n";
            try (Socket direct = new Socket(host, target)) {
                direct.setSoTimeout(2_000);
                direct.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
                direct.getOutputStream().flush();
                byte[] reply = new byte[4];
                int read = direct.getInputStream().read(reply);
                return read >= 2 && reply[0] == ':' && reply[1] == '1';
            } catch (IOException e) {
                return false;
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(CuttingProxy::closeQuietly);
        }
    }
}
