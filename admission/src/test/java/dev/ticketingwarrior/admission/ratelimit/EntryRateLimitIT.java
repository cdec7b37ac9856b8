package dev.ticketingwarrior.admission.ratelimit;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** A context of its own: three entries per window, and only 10.0.0.0/8 trusted as a proxy (not the test's loopback). */
@ActiveProfiles({"it", "tight-limit"})
class EntryRateLimitIT extends AdmissionIntegrationTest {

    @BeforeEach
    void resetCounters() {
        openRound();
        redis().delete(RoundId.startingAt(roundOpen).hashTag() + ":entries:127.0.0.1");
    }

    @Test
    void limitsEntriesPerClientWithRetryAfterAndIgnoresForwardedForFromAnUntrustedPeer() {
        for (int i = 1; i <= 3; i++) {
            entry("limited_" + i, "198.51.100." + i).expectStatus().isCreated();
        }
        // every request came from loopback, which is not trusted here: a fresh X-Forwarded-For changes nothing
        entry("limited_4", "198.51.100.4")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/rate-limited");
    }

    @Test
    void ignoresAViewerAddressFromAnUntrustedPeer() {
        // as if a client reached the task past the ALB and named a fresh viewer for every entry
        for (int i = 1; i <= 3; i++) {
            entry("viewer_" + i, null, "198.51.100." + i + ":443")
                    .expectStatus()
                    .isCreated();
        }
        entry("viewer_4", null, "198.51.100.4:443").expectStatus().isEqualTo(429);
    }

    @Test
    void exemptsBotsWithAValidKey() {
        for (int i = 1; i <= 3; i++) {
            entry("exempt_" + i, null).expectStatus().isCreated();
        }
        web.post()
                .uri("/api/v1/queue")
                .header("X-Bot-Key", BOT_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "exempt_bot"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec entry(
            String nickname, String forwardedFor) {
        return entry(nickname, forwardedFor, null);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec entry(
            String nickname, String forwardedFor, String viewerAddress) {
        var request = web.post().uri("/api/v1/queue").contentType(MediaType.APPLICATION_JSON);
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        if (viewerAddress != null) {
            request = request.header("CloudFront-Viewer-Address", viewerAddress);
        }
        return request.bodyValue(Map.of("nickname", nickname)).exchange();
    }
}
