package dev.ticketingwarrior.admission.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTests {

    private final ClientAddressResolver resolver =
            new ClientAddressResolver(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8"));

    private static InetSocketAddress peer(String address) {
        return new InetSocketAddress(ClientAddressResolver.literal(address).orElseThrow(), 40000);
    }

    @Test
    void usesThePeerWhenItIsNotATrustedProxy() {
        assertThat(resolver.resolve(peer("203.0.113.9"), List.of("198.51.100.1")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void believesForwardedForFromATrustedProxy() {
        assertThat(resolver.resolve(peer("10.1.2.3"), List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(resolver.resolve(peer("::1"), List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void takesTheRightMostAddressThatIsNotAProxy() {
        // the client may forge the left part; the proxies appended the right part
        assertThat(resolver.resolve(peer("10.0.0.1"), List.of("1.2.3.4, 198.51.100.1, 10.0.0.2")))
                .isEqualTo("198.51.100.1");
        assertThat(resolver.resolve(peer("10.0.0.1"), List.of("1.2.3.4", "198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void stopsAtGarbageAndNeverResolvesNames() {
        assertThat(resolver.resolve(peer("10.0.0.1"), List.of("example.com"))).isEqualTo("10.0.0.1");
        assertThat(resolver.resolve(peer("10.0.0.1"), List.of("198.51.100.1, not-an-ip")))
                .isEqualTo("10.0.0.1");
        assertThat(resolver.resolve(peer("127.0.0.1"), List.of(""))).isEqualTo("127.0.0.1");
    }

    @Test
    void ignoresForwardedForWhenNoneIsSent() {
        assertThat(resolver.resolve(peer("127.0.0.1"), null)).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesAMalformedTrustedProxyList() {
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("not-a-block")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
