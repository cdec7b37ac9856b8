package dev.ticketingwarrior.edge.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a plain socket, one request per connection. Unlike an HTTP client library it sends exactly the bytes it
 * is given: repeated headers, any byte in a value, a path no URI class would accept, a body with any content type.
 */
final class RawHttp {

    /** One answer; {@code status} 0 with {@code failure} set when there was none (timeout, connection closed). */
    record Answer(int status, Map<String, List<String>> headers, String body, long millis, String failure) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        boolean hung() {
            return failure != null && failure.startsWith("timeout");
        }
    }

    private static final int MAX_BODY = 1 << 20;
    private static final int CRLF_CRLF = 0x0D0A0D0A;

    private RawHttp() {}

    static Answer send(int port, byte[] request, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer (413, 431) and close before it read everything: read what it said
            }
            InputStream in = socket.getInputStream();
            return read(in, deadline, start);
        } catch (SocketTimeoutException e) {
            return new Answer(0, Map.of(), "", elapsed(start), "timeout after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Answer(0, Map.of(), "", elapsed(start), "no answer: " + e);
        }
    }

    private static Answer read(InputStream in, long deadline, long start) throws IOException {
        String head = readHead(in, deadline);
        if (head == null) {
            return new Answer(0, Map.of(), "", elapsed(start), "no answer: connection closed");
        }
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        if (status < 400 || status >= 500) {
            // not what a bad input should get; a stream (SSE) would never end, so the body is not read
            return new Answer(status, headers, "", elapsed(start), null);
        }
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        byte[] body;
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            body = readChunked(in, deadline);
        } else if (length != null) {
            body = readExactly(in, Integer.parseInt(length.get(0)), deadline);
        } else {
            body = readToEnd(in, deadline);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), elapsed(start), null);
    }

    private static String readHead(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != CRLF_CRLF) {
            checkDeadline(deadline);
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
            last = (last << 8) | b;
        }
        byte[] bytes = head.toByteArray();
        return new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1);
    }

    private static byte[] readChunked(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, deadline);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(readExactly(in, size, deadline));
            readLine(in, deadline);
            if (body.size() > MAX_BODY) {
                return body.toByteArray();
            }
        }
    }

    private static String readLine(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            checkDeadline(deadline);
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static byte[] readExactly(InputStream in, int length, long deadline) throws IOException {
        byte[] bytes = new byte[Math.min(length, MAX_BODY)];
        int read = 0;
        while (read < bytes.length) {
            checkDeadline(deadline);
            int n = in.read(bytes, read, bytes.length - read);
            if (n < 0) {
                throw new IOException("connection closed after " + read + " of " + length + " bytes");
            }
            read += n;
        }
        return bytes;
    }

    private static byte[] readToEnd(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (body.size() < MAX_BODY && (n = in.read(buffer)) >= 0) {
            checkDeadline(deadline);
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static void checkDeadline(long deadline) throws SocketTimeoutException {
        if (System.nanoTime() > deadline) {
            throw new SocketTimeoutException("deadline");
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
