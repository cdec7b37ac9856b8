package dev.ticketingwarrior.edge.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One bad request: the endpoint it is counted against ({@code "POST /api/v1/queue"}), the kind of badness, and the
 * exact request. Every answer must be a 4xx {@code application/problem+json}, a request the HTTP server itself refuses
 * before any application code runs (a header section over its limit, a malformed header line) too. {@code statuses},
 * when not empty, narrows the 4xx to those.
 */
public record Probe(
        String endpoint,
        String category,
        String method,
        String target,
        List<String[]> headers,
        byte[] body,
        Set<Integer> statuses) {

    public static Probe of(String endpoint, String category, String method, String target) {
        return new Probe(endpoint, category, method, target, List.of(), null, Set.of());
    }

    public Probe header(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] {name, value});
        return new Probe(endpoint, category, method, target, List.copyOf(more), body, statuses);
    }

    public Probe headers(List<String[]> extra) {
        Probe probe = this;
        for (String[] header : extra) {
            probe = probe.header(header[0], header[1]);
        }
        return probe;
    }

    /** A JSON body, sent as UTF-8 with {@code Content-Type: application/json} unless a content type is set. */
    public Probe json(String json) {
        return body(json.getBytes(StandardCharsets.UTF_8));
    }

    public Probe body(byte[] bytes) {
        return new Probe(endpoint, category, method, target, headers, bytes, statuses);
    }

    public Probe category(String name) {
        return new Probe(endpoint, name, method, target, headers, body, statuses);
    }

    /**
     * Only these statuses will do: where a request that got past the check under test would still end in a 4xx (a
     * forged token on a hold without a solved letter is 428 either way), the status is what tells them apart.
     */
    public Probe only(Integer... allowed) {
        return new Probe(endpoint, category, method, target, headers, body, Set.of(allowed));
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
    }

    /** The request on the wire; header values are written as UTF-8 bytes, whatever they hold. */
    byte[] toBytes(int port, String clientAddress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (!hasHeader("Host")) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (clientAddress != null && !hasHeader("X-Forwarded-For")) {
            head.append("X-Forwarded-For: ").append(clientAddress).append("\r\n");
        }
        if (body != null && !hasHeader("Content-Type")) {
            head.append("Content-Type: application/json\r\n");
        }
        if (!hasHeader("Content-Length") && !hasHeader("Transfer-Encoding")) {
            head.append("Content-Length: ")
                    .append(body == null ? 0 : body.length)
                    .append("\r\n");
        }
        head.append("Connection: close\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        StringBuilder what = new StringBuilder()
                .append(category)
                .append(": ")
                .append(method)
                .append(' ')
                .append(abbreviate(target, 120));
        for (String[] header : headers) {
            what.append(" [")
                    .append(header[0])
                    .append(": ")
                    .append(abbreviate(header[1], 60))
                    .append(']');
        }
        if (!text.isEmpty()) {
            what.append(" body=").append(abbreviate(text, 120));
        }
        return what.toString();
    }

    static String abbreviate(String text, int max) {
        String shown = text.codePoints()
                .mapToObj(cp -> cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.SURROGATE
                        ? String.format("\\u%04X", cp)
                        : Character.toString(cp))
                .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append)
                .toString();
        return shown.length() > max ? shown.substring(0, max) + "…(" + text.length() + " chars)" : shown;
    }
}
