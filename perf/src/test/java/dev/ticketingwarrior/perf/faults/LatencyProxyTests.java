package dev.ticketingwarrior.perf.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: an echo server behind the proxy. */
class LatencyProxyTests {

    private ServerSocket echo;
    private LatencyProxy proxy;

    @BeforeEach
    void startEchoServerBehindTheProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread.ofVirtual().start(() -> echoUntilClosed(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
        proxy = LatencyProxy.start(0, new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesUnchangedBothWays() throws IOException, InterruptedException {
        byte[] payload = new byte[1_000_000];
        new Random(7).nextBytes(payload);
        try (Socket client = connect()) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    client.getOutputStream().write(payload);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] back = client.getInputStream().readAllBytes();
            assertThat(back).isEqualTo(payload);
            writer.join();
        }
    }

    @Test
    void addsTheDelayToEveryRoundTripAndTakesItAwayAgain() throws IOException {
        // without the delay a round trip only has to be shorter than it: a busy machine may pause one for a while
        Duration delay = Duration.ofMillis(500);
        try (Socket client = connect()) {
            roundTrip(client); // the first one also opens the way to the echo server
            assertThat(roundTrip(client)).isLessThan(delay);
            proxy.delay(delay);
            assertThat(roundTrip(client)).isBetween(delay, delay.multipliedBy(5));
            assertThat(roundTrip(client)).isGreaterThanOrEqualTo(delay);
            proxy.delay(Duration.ZERO);
            assertThat(roundTrip(client)).isLessThan(delay);
        }
    }

    @Test
    void closingTheProxyEndsItsConnections() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client);
            proxy.close();
            client.setSoTimeout(5_000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aServerThatIsDownRefusesThroughTheProxy() throws IOException {
        // not the echo server closed: a listener closed while a virtual thread waits in its accept() can still take
        // connections for a moment; a port bound but never listening refuses them, and nothing else can take it
        try (Socket nobodyListens = new Socket()) {
            nobodyListens.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (LatencyProxy toNobody =
                            LatencyProxy.start(0, (InetSocketAddress) nobodyListens.getLocalSocketAddress());
                    Socket client = new Socket(InetAddress.getLoopbackAddress(), toNobody.port())) {
                client.setSoTimeout(5_000);
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void refusesANegativeDelay() {
        assertThatThrownBy(() -> proxy.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static Duration roundTrip(Socket client) throws IOException {
        long start = System.nanoTime();
        OutputStream out = client.getOutputStream();
        out.write("PING\n".getBytes());
        out.flush();
        InputStream in = client.getInputStream();
        byte[] answer = in.readNBytes(5);
        assertThat(new String(answer)).isEqualTo("PING\n");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void echoUntilClosed(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // the test closed it
        }
    }
}
