package dev.ticketingwarrior.edge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class ClientAddressResolverTests {

    private static final String VIEWER_ADDRESS = "CloudFront-Viewer-Address";

    /** An ALB node in the VPC: the task's direct peer in AWS. */
    private static final String ALB = "10.0.1.15";

    /** A CloudFront edge server, as the ALB appends it to X-Forwarded-For. */
    private static final String EDGE = "130.176.96.72";

    private static InetSocketAddress peer(String address) {
        return new InetSocketAddress(ClientAddressResolver.literal(address).orElseThrow(), 40000);
    }

    private static HttpHeaders headers(String... nameValuePairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return headers;
    }

    private static HttpHeaders forwardedFor(String... values) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll("X-Forwarded-For", List.of(values));
        return headers;
    }

    @Nested
    class WithoutACdn {

        private final ClientAddressResolver resolver =
                new ClientAddressResolver(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8"), "", 64);

        @Test
        void usesThePeerWhenItIsNotATrustedProxy() {
            assertThat(resolver.resolve(peer("203.0.113.9"), forwardedFor("198.51.100.1")))
                    .isEqualTo("203.0.113.9");
        }

        @Test
        void believesForwardedForFromATrustedProxy() {
            assertThat(resolver.resolve(peer("10.1.2.3"), forwardedFor("198.51.100.1")))
                    .isEqualTo("198.51.100.1");
            assertThat(resolver.resolve(peer("::1"), forwardedFor("198.51.100.7")))
                    .isEqualTo("198.51.100.7");
        }

        @Test
        void takesTheRightMostAddressThatIsNotAProxy() {
            // the client may forge the left part; the proxies appended the right part
            assertThat(resolver.resolve(peer("10.0.0.1"), forwardedFor("1.2.3.4, 198.51.100.1, 10.0.0.2")))
                    .isEqualTo("198.51.100.1");
            assertThat(resolver.resolve(peer("10.0.0.1"), forwardedFor("1.2.3.4", "198.51.100.1")))
                    .isEqualTo("198.51.100.1");
        }

        @Test
        void stopsAtGarbageAndNeverResolvesNames() {
            assertThat(resolver.resolve(peer("10.0.0.1"), forwardedFor("example.com")))
                    .isEqualTo("10.0.0.1");
            assertThat(resolver.resolve(peer("10.0.0.1"), forwardedFor("198.51.100.1, not-an-ip")))
                    .isEqualTo("10.0.0.1");
            assertThat(resolver.resolve(peer("127.0.0.1"), forwardedFor(""))).isEqualTo("127.0.0.1");
            assertThat(resolver.resolve(peer("10.0.0.1"), forwardedFor(".1:2"))).isEqualTo("10.0.0.1");
        }

        /** What reaches the JDK's parser: a text it would look up as a name (not a hex digit or colon first) never does. */
        @Test
        void passesOnlyLiteralShapesToTheParser() {
            assertThat(ClientAddressResolver.hasLiteralShape("198.51.100.1")).isTrue();
            assertThat(ClientAddressResolver.hasLiteralShape("::1")).isTrue();
            assertThat(ClientAddressResolver.hasLiteralShape("2001:db8::1")).isTrue();
            assertThat(ClientAddressResolver.hasLiteralShape("::ffff:198.51.100.1"))
                    .isTrue();
            assertThat(ClientAddressResolver.hasLiteralShape(".1:2")).isFalse();
            assertThat(ClientAddressResolver.hasLiteralShape(".:")).isFalse();
            assertThat(ClientAddressResolver.hasLiteralShape("example.com")).isFalse();
            assertThat(ClientAddressResolver.hasLiteralShape("1.2.3")).isFalse();
            assertThat(ClientAddressResolver.hasLiteralShape("999.1.1.1")).isFalse();
            assertThat(ClientAddressResolver.hasLiteralShape("256.0.0.1")).isFalse();
            assertThat(ClientAddressResolver.hasLiteralShape("255.255.255.255")).isTrue();
            assertThat(ClientAddressResolver.hasLiteralShape("10.0.0.1")).isTrue();
        }

        @Test
        void ignoresForwardedForWhenNoneIsSent() {
            assertThat(resolver.resolve(peer("127.0.0.1"), new HttpHeaders())).isEqualTo("127.0.0.1");
        }

        @Test
        void ignoresAViewerAddressWhenNoCdnIsConfigured() {
            assertThat(resolver.resolve(
                            peer(ALB), headers("X-Forwarded-For", "203.0.113.7", VIEWER_ADDRESS, "198.51.100.99:1")))
                    .isEqualTo("203.0.113.7");
        }

        @Test
        void refusesAMalformedTrustedProxyList() {
            assertThatThrownBy(() -> new ClientAddressResolver(List.of("not-a-block"), "", 64))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/33"), "", 64))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Viewer → CloudFront edge → ALB (trusted, 10.0.0.0/16) → task, as in AWS. */
    @Nested
    class BehindCloudFront {

        private final ClientAddressResolver resolver =
                new ClientAddressResolver(List.of("10.0.0.0/16"), VIEWER_ADDRESS, 64);

        /**
         * What the task receives: CloudFront appended the viewer to X-Forwarded-For and wrote CloudFront-Viewer-Address;
         * the ALB appended the edge server it took the request from.
         */
        private HttpHeaders throughCloudFront(String viewerSentForwardedFor, String viewer, String viewerAddress) {
            String forwarded =
                    (viewerSentForwardedFor == null ? "" : viewerSentForwardedFor + ", ") + viewer + ", " + EDGE;
            return headers("X-Forwarded-For", forwarded, VIEWER_ADDRESS, viewerAddress);
        }

        @Test
        void countsEachPlayerNotTheEdgeServerTheyShare() {
            assertThat(resolver.resolve(peer(ALB), throughCloudFront(null, "203.0.113.7", "203.0.113.7:51234")))
                    .isEqualTo("203.0.113.7");
            assertThat(resolver.resolve(peer(ALB), throughCloudFront(null, "198.51.100.23", "198.51.100.23:40022")))
                    .isEqualTo("198.51.100.23");
            // X-Forwarded-For alone would name the shared edge server for both
            assertThat(resolver.resolve(peer(ALB), forwardedFor("203.0.113.7, " + EDGE)))
                    .isEqualTo(EDGE);
        }

        @Test
        void isNotFooledByWhatTheViewerPutInForwardedFor() {
            assertThat(resolver.resolve(
                            peer(ALB), throughCloudFront("1.1.1.1, 10.0.0.9", "203.0.113.7", "203.0.113.7:443")))
                    .isEqualTo("203.0.113.7");
        }

        @Test
        void readsIpv6ViewersWithOrWithoutBrackets() {
            assertThat(resolver.resolve(
                            peer(ALB),
                            throughCloudFront(
                                    null, "2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334:46532")))
                    .isEqualTo("2001:db8:85a3:0:0:0:0:0/64");
            assertThat(resolver.resolve(peer(ALB), throughCloudFront(null, "2001:db8::1", "2001:db8::1:443")))
                    .isEqualTo("2001:db8:0:0:0:0:0:0/64");
            assertThat(resolver.resolve(peer(ALB), throughCloudFront(null, "2001:db8::1", "[2001:db8::1]:443")))
                    .isEqualTo("2001:db8:0:0:0:0:0:0/64");
        }

        /** A subscriber is given a whole /64: rotating through its addresses must not buy it a budget per address. */
        @Test
        void countsAnIpv6ViewerByItsSlash64() {
            String one = resolver.resolve(peer(ALB), throughCloudFront(null, null, "2001:db8:7:1::a:443"));
            String other = resolver.resolve(peer(ALB), throughCloudFront(null, null, "2001:db8:7:1:ffff:1:2:3:443"));
            String nextNetwork = resolver.resolve(peer(ALB), throughCloudFront(null, null, "2001:db8:7:2::a:443"));

            assertThat(one).isEqualTo(other).isEqualTo("2001:db8:7:1:0:0:0:0/64");
            assertThat(nextNetwork).isNotEqualTo(one);
            assertThat(resolver.resolve(peer("2001:db8:9:9::5"), forwardedFor("198.51.100.7")))
                    .as("an untrusted IPv6 peer, by its /64 too")
                    .isEqualTo("2001:db8:9:9:0:0:0:0/64");
        }

        /** Where one player rotates through a home's /56 or a site's /48, ops count those as one client. */
        @ParameterizedTest
        @CsvSource({
            "48, 2001:db8:7:0:0:0:0:0/48, true, true",
            "56, 2001:db8:7:100:0:0:0:0/56, false, true",
            "60, 2001:db8:7:110:0:0:0:0/60, false, false",
            "128, 2001:db8:7:11a:0:0:0:5/128, false, false"
        })
        void countsAnIpv6ViewerByTheNetworkConfigured(
                int prefix, String key, boolean sameAsOtherSite, boolean sameAsOtherHomeNetwork) {
            ClientAddressResolver wider = new ClientAddressResolver(List.of("10.0.0.0/16"), VIEWER_ADDRESS, prefix);
            String player = wider.resolve(peer(ALB), throughCloudFront(null, null, "2001:db8:7:11a::5:443"));

            assertThat(player).isEqualTo(key);
            assertThat(wider.resolve(peer(ALB), throughCloudFront(null, null, "2001:db8:7:ff00::5:443")))
                    .as("another network of the same /48")
                    .matches(other -> other.equals(player) == sameAsOtherSite);
            assertThat(wider.resolve(peer(ALB), throughCloudFront(null, null, "2001:db8:7:1ff::9:443")))
                    .as("another /64 of the same /56")
                    .matches(other -> other.equals(player) == sameAsOtherHomeNetwork);
            assertThat(wider.resolve(peer(ALB), throughCloudFront(null, null, "198.51.100.23:40022")))
                    .as("an IPv4 viewer is its address whatever the IPv6 network")
                    .isEqualTo("198.51.100.23");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 31, 129})
        void refusesAnIpv6NetworkWiderThanAProvidersOrNarrowerThanAnAddress(int prefix) {
            assertThatThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/16"), VIEWER_ADDRESS, prefix))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("/" + prefix);
        }

        @Test
        void ignoresAViewerAddressFromAPeerThatIsNotTheAlb() {
            // a client reaching the task (or anything not trusted) directly, claiming to be someone else
            assertThat(resolver.resolve(
                            peer("203.0.113.66"),
                            headers(VIEWER_ADDRESS, "198.51.100.99:1", "X-Forwarded-For", "198.51.100.98")))
                    .isEqualTo("203.0.113.66");
        }

        @Test
        void fallsBackToForwardedForWhenTheViewerAddressIsMissingRepeatedOrMalformed() {
            String forwarded = "203.0.113.7, " + EDGE;
            assertThat(resolver.resolve(peer(ALB), forwardedFor(forwarded))).isEqualTo(EDGE);
            for (String malformed :
                    List.of("203.0.113.7", "example.com:443", "203.0.113.7:", "203.0.113.7:70000", ":443", "")) {
                assertThat(resolver.resolve(
                                peer(ALB), headers("X-Forwarded-For", forwarded, VIEWER_ADDRESS, malformed)))
                        .as(malformed)
                        .isEqualTo(EDGE);
            }
            HttpHeaders twice = headers("X-Forwarded-For", forwarded, VIEWER_ADDRESS, "203.0.113.7:1");
            twice.add(VIEWER_ADDRESS, "198.51.100.1:2");
            assertThat(resolver.resolve(peer(ALB), twice)).isEqualTo(EDGE);
        }

        @Test
        void matchesTheHeaderNameWhateverItsCase() {
            assertThat(resolver.resolve(peer(ALB), headers("cloudfront-viewer-address", "203.0.113.7:51234")))
                    .isEqualTo("203.0.113.7");
        }
    }
}
