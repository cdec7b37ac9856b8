package dev.ticketingwarrior.admission.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Who an entry is counted against, on the real service: the test client's loopback plays the ALB (a trusted proxy in
 * the it profile), which passes on what CloudFront wrote.
 */
class ClientAddressIT extends AdmissionIntegrationTest {

    private static final String VIEWER = "203.0.113.77";
    private static final String EDGE = "130.176.96.72";

    @Test
    void countsAnEntryThroughCloudFrontAgainstTheViewerNotTheEdgeServer() {
        openRound();
        redis().delete(key(VIEWER));
        redis().delete(key(EDGE));

        web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", VIEWER + ", " + EDGE)
                .header("CloudFront-Viewer-Address", VIEWER + ":51234")
                .bodyValue(Map.of("nickname", "via_cloudfront"))
                .exchange()
                .expectStatus()
                .isCreated();

        assertThat(redis().opsForValue().get(key(VIEWER))).isEqualTo("1");
        assertThat(redis().hasKey(key(EDGE))).isFalse();
    }

    /** Two addresses of one /64 are one client (the default `ipv6-prefix`); the next /64 is another. */
    @Test
    void countsAnIpv6ViewerByItsNetwork() {
        openRound();
        String network = "2001:db8:7:11a:0:0:0:0/64";
        String nextNetwork = "2001:db8:7:11b:0:0:0:0/64";
        redis().delete(key(network));
        redis().delete(key(nextNetwork));

        enterAs("v6_one", "2001:db8:7:11a::5");
        enterAs("v6_two", "2001:db8:7:11a:ffff:1:2:3");
        enterAs("v6_three", "2001:db8:7:11b::5");

        assertThat(redis().opsForValue().get(key(network))).isEqualTo("2");
        assertThat(redis().opsForValue().get(key(nextNetwork))).isEqualTo("1");
    }

    private void enterAs(String nickname, String ipv6Viewer) {
        web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", ipv6Viewer + ", " + EDGE)
                .header("CloudFront-Viewer-Address", ipv6Viewer + ":51234")
                .bodyValue(Map.of("nickname", nickname))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** The client's entry counter, kept under the round's hash tag by the entry script itself. */
    private String key(String client) {
        return RoundId.startingAt(roundOpen).hashTag() + ":entries:" + client;
    }
}
