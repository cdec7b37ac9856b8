package dev.ticketingwarrior.perf.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** The ops side of a run: admission's throttle and stats, the bot-runner's settings, a service's actuator. */
final class OpsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** HTTP/1.1: a plain-http proxy in front (the web app's dev server) may never answer an upgrade to HTTP/2. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private final String token;

    OpsClient(String token) {
        this.token = token;
    }

    JsonNode put(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return answer(request);
    }

    /** A GET's JSON answer; an error answer (not 2xx) or no answer is an {@link IOException} saying which. */
    JsonNode read(String url) throws IOException, InterruptedException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (!token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return answer(builder.build());
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("GET ")
                    ? e
                    : new IOException("GET " + url + " failed: " + e, e);
        }
    }

    /** A GET's JSON answer, empty when it failed. */
    Optional<JsonNode> get(String url) {
        try {
            return Optional.of(read(url));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Seats of a closed round's map (public after the close), asked again every second for {@code patience} while
     * booking does not answer (a drill restarting it); empty when it could not be read, never a 0 that would draw the
     * sell-out's reference line on the floor.
     */
    static OptionalInt seats(String bookingUrl, String roundId, Duration patience) throws InterruptedException {
        OpsClient reader = new OpsClient("");
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            Optional<Integer> seats = reader.get(bookingUrl + "/api/v1/rounds/" + roundId + "/seats")
                    .map(map -> map.path("seats").size());
            if (seats.isPresent()) {
                return OptionalInt.of(seats.get());
            }
            if (Instant.now().isAfter(giveUp)) {
                return OptionalInt.empty();
            }
            Thread.sleep(1000);
        }
    }

    private JsonNode answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
