package dev.ticketingwarrior.booking.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.edge.problem.Problems;
import dev.ticketingwarrior.edge.testing.LogLines;
import dev.ticketingwarrior.shared.round.Round;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input on every endpoint: a 4xx problem+json with a stable type, never a 5xx, and nothing written. */
class BadInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    /**
     * A form body is read by Tomcat itself, past the body-size filter's stream, and a chunked one has no Content-Length
     * to refuse it by: it is refused once past 16 KB (SPEC §9), before the call's missing token would be (401).
     */
    @Test
    void aChunkedFormBodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        int port = Integer.parseInt(world.first().getEnvironment().getProperty("local.server.port"));
        String head = "POST /api/v1/confirmations/dead-letters/redrive HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n";
        byte[] chunk = ("2000\r\n" + "a=" + "x".repeat(0x2000 - 2) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < 128; i++) { // 1 MiB
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before it read everything: read what it said
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json").contains("payload-too-large");
        }
    }

    /**
     * Found by a probe: Tomcat answered a transfer coding, a method or an HTTP version it does not implement with a
     * 501 or 505 and an empty problem+json body. What the client sent is the fault: 400 (SPEC §9: no 5xx for client
     * input), as the WebFlux services answer it.
     */
    @Test
    void aTransferCodingMethodOrVersionTomcatDoesNotImplementIsA400Problem() throws IOException {
        for (String head : List.of(
                "POST /api/v1/bookings HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n",
                "GET /api/v1/leaderboard HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: foo\r\n",
                "CONNECT /api/v1/leaderboard HTTP/1.1\r\nHost: a\r\n",
                "GET /api/v1/leaderboard HTTP/1.2\r\nHost: a\r\n",
                "GET /api/v1/leaderboard HTTP/2.0\r\nHost: a\r\n")) {
            String answer = raw(head + "Connection: close\r\n\r\n");
            assertThat(answer).as(head).startsWith("HTTP/1.1 400");
            assertThat(answer).as(head).contains("application/problem+json").contains("invalid-request");
        }
    }

    /**
     * Tomcat's own refusals say what was wrong in the words the WebFlux services use for their HTTP server's refusals
     * ({@link Problems#unreadRequest}), not the status's title again, and with their status: a request line or header
     * section over the limit is a 414 or 431, as Reactor Netty answers it, not Tomcat's 400.
     */
    @Test
    void tomcatsOwnRefusalsSayWhatWasWrongAsTheOtherServicesDo() throws IOException {
        assertUnreadRequest(raw("GET /api/v1/leaderboard HTTP/1.2\r\nHost: a\r\nConnection: close\r\n\r\n"), 400);
        assertUnreadRequest(raw("GET /api/v1/leader\u0001board HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), 400);
        assertUnreadRequest(
                raw("GET /api/v1/leaderboard?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n"), 414);
        assertUnreadRequest(
                raw("GET /api/v1/leaderboard HTTP/1.1\r\nHost: a\r\nX-Junk: " + "a".repeat(10_000) + "\r\n\r\n"), 431);
    }

    /**
     * Found by a probe: a {@code multipart/*} Content-Type without a boundary, on any request (a GET too, with no
     * token), failed in the dispatcher's multipart check before any handler: a 500 and a stack trace in the log. No
     * endpoint takes a file: a GET is answered as if the header were not there (or, for a type that is no media type,
     * refused as one), a JSON endpoint refuses the type.
     */
    @Test
    void aMultipartContentTypeWithoutABoundaryIsNoFault() throws IOException {
        for (String type : List.of("multipart/form-data", "multipart/mixed")) {
            assertThat(get("/api/v1/leaderboard", type)).as(type).startsWith("HTTP/1.1 200");
            assertThat(get("/actuator/health", type)).as(type).startsWith("HTTP/1.1 200");
        }
        for (String type : List.of("multipart/form-data", "multipart/mixed", "multipart/")) {
            for (String answer : List.of(
                    get("/api/v1/leaderboard", type),
                    get("/actuator/health", type),
                    raw("POST /api/v1/captcha HTTP/1.1\r\nHost: a\r\nContent-Type: " + type
                            + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"))) {
                assertThat(answer)
                        .as(type)
                        .matches("(?s)HTTP/1\\.1 (200|4\\d\\d) .*")
                        .satisfiesAnyOf(
                                ok -> assertThat(ok).startsWith("HTTP/1.1 200"),
                                refused -> assertThat(refused).contains("application/problem+json"));
            }
        }
    }

    /**
     * Found by a probe: Tomcat (11.0.22) resets a request's limit of trailer fields to 8 when it recycles the request,
     * and fails the 9th with an {@code IllegalStateException}, not a refusal: a 500 where the body was read (a letter's
     * answer), an ERROR "Error finishing request" where it was not (any GET), without a token. Trailers are bounded by
     * their size (Tomcat's {@code maxTrailerSize}, a 400 past it), as the Netty services bound them.
     */
    @Test
    void aChunkedBodyWithManyTrailerFieldsIsNoFault() throws IOException {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "trailers", false);
        String trailers =
                IntStream.range(0, 50).mapToObj(i -> "X" + i + ":\r\n").collect(Collectors.joining());
        String chunked = "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "e\r\n{\"answer\":\"A\"}\r\n0\r\n" + trailers + "\r\n";
        try (LogLines logged = LogLines.of(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
            // more than once: the first request a Tomcat request object serves has no such limit
            for (int i = 0; i < 4; i++) {
                String read = raw("POST /api/v1/captcha/x HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + token
                        + "\r\n" + chunked);
                assertThat(read).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("application/problem+json");
                String unread = raw("GET /api/v1/leaderboard HTTP/1.1\r\nHost: a\r\n" + chunked);
                assertThat(unread).startsWith("HTTP/1.1 200");
            }
            assertThat(logged.lines())
                    .filteredOn(line -> line.getLevel() == Level.ERROR)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .isEmpty();
        }
    }

    /**
     * Found by a probe: a Jackson 2 YAML converter (from a dependency) read YAML bodies past the strict JSON rules, and
     * a key given twice was a 500; YAML was written on request too. JSON only, as the WebFlux services.
     */
    @Test
    void aBodyOrAnAnswerInYamlIsRefused() throws IOException {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "yaml", false);
        String yaml = "seatId: A-1\nseatId: A-2\n";
        String hold = raw("POST /api/v1/rounds/" + round.id() + "/holds HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/yaml\r\nContent-Length: " + yaml.length()
                + "\r\nConnection: close\r\n\r\n" + yaml);
        assertThat(hold).startsWith("HTTP/1.1 415").contains("application/problem+json");
        String leaders = raw(
                "GET /api/v1/leaderboard HTTP/1.1\r\nHost: a\r\nAccept: application/yaml\r\nConnection: close\r\n\r\n");
        assertThat(leaders).startsWith("HTTP/1.1 406");
    }

    /**
     * Found by a probe: a number parameter was read as {@code Integer.decode} reads one, {@code max=0x10} a redrive of 16. Plain
     * decimal only, as the API describes it.
     */
    @Test
    void aNumberParameterIsPlainDecimal() {
        String redrive = "/api/v1/confirmations/dead-letters/redrive?max=";
        for (String max : List.of("0x10", "%2310", "%D9%A1%D9%A2", "%2B5", "%205", "010.0")) {
            Api.Response answer = api.post(redrive + max, BookingStack.OPS_TOKEN, null);
            assertThat(answer.status()).as(max).isEqualTo(400);
            assertThat(answer.problemSlug()).as(max).isEqualTo("invalid-request");
            assertThat(answer.json().path("detail").asString()).as(max).isEqualTo("bad value for max");
        }
        // a decimal is read (and then refused by its range, so that no dead letter another test keeps is moved)
        assertThat(api.post(redrive + "-5", BookingStack.OPS_TOKEN, null)
                        .json()
                        .path("detail")
                        .asString())
                .isEqualTo("max is 1-1000, not -5.");
    }

    private String get(String path, String contentType) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: a\r\nContent-Type: " + contentType
                + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertUnreadRequest(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        JsonNode problem = JSON.readTree(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString())
                .isEqualTo(Problems.unreadRequest(status).getDetail())
                .isNotBlank();
    }

    /**
     * Found by a probe: a body that stops short of its Content-Length held the request for Tomcat's default 60 s. A
     * client that stops sending is answered 408 within the connection timeout (5 s), as by the WebFlux services.
     */
    @Test
    void aBodyThatStopsShortIsAnsweredWithinSeconds() throws IOException {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "stalled", true);
        String body = "{\"seatId\":\"A-5\"}";
        String answer = raw("POST /api/v1/rounds/" + round.id() + "/holds HTTP/1.1\r\nHost: a\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "X-Bot-Key: " + BookingStack.BOT_KEY + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 60\r\n"
                + "Connection: close\r\n\r\n"
                + body);
        assertThat(answer).contains("request-timeout");
        assertUnreadRequest(answer, 408);
    }

    /** What the server answers to {@code request} sent as it is; the read gives up after 15 s. */
    private String raw(String request) throws IOException {
        int port = Integer.parseInt(world.first().getEnvironment().getProperty("local.server.port"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyEndpointAnswersBadInputWithA4xxProblemAndWritesNothing() {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "fuzzer", false);
        String holds = "/api/v1/rounds/" + round.id() + "/holds";
        String big = "{\"seatId\":\"" + "x".repeat(20_000) + "\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "k1");
        record Case(String method, String path, String body, Map<String, String> headers, int status, String slug) {}
        List<Case> cases = List.of(
                new Case("POST", holds, null, Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "{", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "[]", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "{\"seatId\":{\"x\":1}}", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "{\"seatId\":\"A-1\",\"extra\":1}", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "{\"seatId\":\"\"}", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "{\"seatId\":null}", Map.of(), 400, "invalid-request"),
                // strict types (SPEC §5): a number is not read as the string "7"
                new Case("POST", holds, "{\"seatId\":7}", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, "{\"seatId\":true}", Map.of(), 400, "invalid-request"),
                new Case("POST", "/api/v1/bookings", "{\"holdId\":12345}", key, 400, "invalid-request"),
                new Case("POST", "/api/v1/captcha/abc", "{\"answer\":42}", Map.of(), 400, "invalid-request"),
                new Case("POST", holds, big, Map.of(), 413, "payload-too-large"),
                new Case(
                        "POST",
                        holds,
                        "seatId=A-1",
                        Map.of("Content-Type", "text/plain"),
                        415,
                        "unsupported-media-type"),
                new Case("POST", "/api/v1/rounds/nope/holds", "{\"seatId\":\"A-1\"}", Map.of(), 403, "wrong-round"),
                new Case("POST", "/api/v1/captcha/%20x", "{\"answer\":\"x\"}", Map.of(), 404, "unknown-captcha"),
                new Case("POST", "/api/v1/captcha/abc", "{}", Map.of(), 400, "invalid-request"),
                new Case("POST", "/api/v1/captcha/abc", "{\"answer\":[1]}", Map.of(), 400, "invalid-request"),
                new Case("POST", "/api/v1/bookings", "{}", key, 400, "invalid-request"),
                new Case("POST", "/api/v1/bookings", "{\"holdId\":\"x\"}", Map.of(), 400, "idempotency-key-required"),
                new Case(
                        "POST",
                        "/api/v1/bookings",
                        "{\"holdId\":\"x\"}",
                        Map.of("Idempotency-Key", "has space"),
                        400,
                        "idempotency-key-required"),
                new Case("POST", "/api/v1/bookings", "{\"holdId\":\"../../etc\"}", key, 404, "unknown-hold"),
                new Case("DELETE", "/api/v1/holds/nope", null, Map.of(), 404, "unknown-hold"),
                new Case("GET", "/api/v1/bookings/nope", null, Map.of(), 404, "unknown-booking"),
                new Case(
                        "GET",
                        "/api/v1/bookings/" + round.id() + "-aaaaaaaaaaaaaaaaaaaaaa",
                        null,
                        Map.of(),
                        404,
                        "unknown-booking"),
                new Case("GET", "/api/v1/rounds/nope/seats", null, Map.of(), 404, "unknown-round"),
                new Case("GET", "/api/v1/rounds/20310303T000001Z/seats", null, Map.of(), 404, "unknown-round"),
                new Case("GET", "/api/v1/rounds/99999999T999999Z/results", null, Map.of(), 404, "unknown-round"),
                new Case("GET", "/api/v1/leaderboard?period=year", null, Map.of(), 400, "invalid-request"),
                // found by a probe: a 406 was typed unsupported-media-type, the 415's type
                new Case(
                        "GET",
                        "/api/v1/leaderboard?period=day",
                        null,
                        Map.of("Accept", "application/xml"),
                        406,
                        "not-acceptable"),
                // found by BadInputSweepIT: a query that is not UTF-8 was a 500; Tomcat's own refusals were HTML; a
                // second Authorization header was ignored (the first one counted)
                new Case("GET", "/api/v1/leaderboard?period=%C0%AE%C0%AE", null, Map.of(), 400, "invalid-request"),
                // found by an audit of SPEC §9: a form body on a DELETE was parsed, and refused with a 500, outside
                // every advice (broken escapes in a query string are BadInputSweepIT's: this client cannot send them)
                new Case(
                        "DELETE",
                        "/api/v1/holds/nope",
                        "a=%zz",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        404,
                        "unknown-hold"),
                new Case(
                        "POST",
                        "/api/v1/rounds/" + round.id() + "/holds",
                        "seatId=%zz", // Tomcat reads a form POST's fields before anything asks: that refusal is first
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        400,
                        "invalid-request"),
                new Case("GET", "/api/v1/bookings/..%2F..%2Fetc", null, Map.of(), 400, "invalid-request"),
                new Case(
                        "POST",
                        "/api/v1/captcha",
                        null,
                        Map.of("Authorization", "Bearer " + token),
                        401,
                        "invalid-token"),
                new Case("GET", "/api/v1/nothing-here", null, Map.of(), 404, "not-found"),
                // found by an audit of SPEC §9: Boot's error page answered a direct GET /error with 500
                new Case("GET", "/error", null, Map.of(), 404, "not-found"),
                // found by a probe: the actuator's own 404s had no body
                new Case("GET", "/actuator/metrics/no.such.metric", null, Map.of(), 404, "not-found"),
                new Case("GET", "/actuator/health/no-such-group", null, Map.of(), 404, "not-found"),
                new Case("PUT", "/api/v1/bookings", "{}", Map.of(), 405, "method-not-allowed"));

        for (Case c : cases) {
            Api.Response response = api.send(c.method(), c.path(), token, c.body(), c.headers());
            String what =
                    c.method() + " " + c.path() + " " + abbreviate(c.body()) + " -> " + abbreviate(response.body());
            assertThat(response.status()).as(what).isEqualTo(c.status());
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.problemSlug()).as(what).isEqualTo(c.slug());
        }

        JsonNode map = api.get("/api/v1/rounds/" + round.id() + "/seats", world.viewer(round))
                .json();
        for (JsonNode seat : map.path("seats")) {
            assertThat(seat.path("status").asString()).isEqualTo("AVAILABLE");
        }
        JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ?",
                        Long.class,
                        round.id().value()))
                .isZero();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
