package dev.ticketingwarrior.admission.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One HTTP/1.1 connection carries request after request (the ALB keeps its connections to a task open, and so do the
 * test clients), and the server must go on reading it whatever order its answers are ready in. Reactor Netty 1.3.6
 * stopped reading a connection for good when a request that had waited for the one before it (its answer needed
 * Redis) was then answered at once (the JWKS, the clock, a refusal): the next request stayed unread until the client
 * gave up, which is how the admission ITs hung about once in 30 runs. Two requests in one write make that wait
 * certain; the real clients met it by chance, sending the next request just as the previous answer arrived.
 */
class KeepAliveIT extends AdmissionIntegrationTest {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    @LocalServerPort
    private int port;

    @Test
    void goesOnReadingAConnectionAfterAWaitingRequestIsAnsweredAtOnce() throws IOException {
        openRound();
        String ticket = id(enter("keep_alive"));

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            // the poll needs Redis; the JWKS behind it waits for the poll's answer, then is answered at once
            out.write((get("/api/v1/queue/" + ticket) + get("/.well-known/jwks.json"))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");

            out.write(get("/api/v1/clock").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in))
                    .as("the next request on the same connection is read and answered")
                    .startsWith("HTTP/1.1 200");
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
    }

    /** The status line and headers of one response; its body (Content-Length or chunked) is read and dropped. */
    private static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        String headers = head.toLowerCase(Locale.ROOT);
        if (headers.contains("transfer-encoding: chunked")) {
            long size;
            do {
                size = Long.parseLong(readLine(in).split(";")[0].trim(), 16);
                in.readNBytes((int) size);
                readLine(in);
            } while (size > 0);
        } else {
            int at = headers.indexOf("content-length:");
            if (at >= 0) {
                int end = headers.indexOf("\r\n", at);
                in.readNBytes(Integer.parseInt(headers.substring(at + 15, end).trim()));
            }
        }
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
