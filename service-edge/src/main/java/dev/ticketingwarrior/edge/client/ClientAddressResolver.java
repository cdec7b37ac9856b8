package dev.ticketingwarrior.edge.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * The client address a request is rate-limited by. Headers are believed only when the direct peer is a trusted proxy
 * (the ALB); from anyone else they are whatever the client chose to send. From a trusted proxy:
 *
 * <ul>
 *   <li>the viewer-address header, when one is configured: the {@code ip:port} a CDN in front of the proxy saw
 *       (CloudFront's {@code CloudFront-Viewer-Address}). Behind CloudFront the right-most untrusted hop of
 *       {@code X-Forwarded-For} is a CloudFront edge server, shared by every player it serves, so only this header
 *       tells players apart. It is only as good as the rule that nobody but CloudFront reaches the proxy: a client
 *       that gets to the ALB directly can write it too.
 *   <li>otherwise the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (the left part
 *       of the header is whatever the client chose to send).
 * </ul>
 *
 * Only IP literals are parsed: nothing here ever resolves a name. An IPv6 client is its network ({@link #key}), a /64
 * unless configured otherwise: one subscriber is routinely given a whole /64 (a home often a /56, a site a /48), so
 * counting its addresses apart would give it a budget per address (docs/decisions/0021).
 */
public final class ClientAddressResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Four octets of 0-255: the JDK looks {@code 999.1.1.1} up as a name. */
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /**
     * The JDK parses a text as an IPv6 literal only when it begins with a hex digit or a colon, and looks any other up
     * as a name (a blocking DNS call): {@code ".1:2"} must not get that far.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    /** The widest IPv6 network counted as one client: a /32 is what a registry gives a whole provider. */
    public static final int WIDEST_IPV6_PREFIX = 32;

    private final List<Cidr> trusted;
    private final Optional<String> viewerAddressHeader;
    private final int ipv6Prefix;

    /**
     * {@code viewerAddressHeader}: the CDN's viewer-address header, blank when no CDN writes one; {@code ipv6Prefix}:
     * the length of the IPv6 network counted as one client, 32 to 128.
     */
    public ClientAddressResolver(List<String> trustedProxies, String viewerAddressHeader, int ipv6Prefix) {
        if (ipv6Prefix < WIDEST_IPV6_PREFIX || ipv6Prefix > 128) {
            throw new IllegalArgumentException(
                    "an IPv6 client's network is a /" + WIDEST_IPV6_PREFIX + " to a /128, not a /" + ipv6Prefix);
        }
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : trustedProxies) {
            parsed.add(Cidr.parse(entry.trim()));
        }
        this.trusted = List.copyOf(parsed);
        this.viewerAddressHeader = viewerAddressHeader == null || viewerAddressHeader.isBlank()
                ? Optional.empty()
                : Optional.of(viewerAddressHeader.trim());
        this.ipv6Prefix = ipv6Prefix;
    }

    /** WebFlux: the peer of a {@code ServerHttpRequest} and its headers. */
    public String resolve(InetSocketAddress peer, HttpHeaders headers) {
        return resolve(peer == null ? null : peer.getAddress(), headers::get);
    }

    /**
     * Any stack: the direct peer and a look-up of every value of a header by name (null or empty when absent). The
     * servlet stack passes {@code request.getRemoteAddr()} parsed with {@link #peer(String)}.
     */
    public String resolve(InetAddress direct, Function<String, List<String>> header) {
        if (direct == null) {
            return "unknown";
        }
        if (!isTrusted(direct)) {
            return key(direct);
        }
        return key(viewerAddressHeader
                .flatMap(name -> viewerAddress(header.apply(name)))
                .orElseGet(() -> forwardedClient(direct, header.apply(FORWARDED_FOR))));
    }

    /**
     * What a client is counted by: an IPv4 address as it is, an IPv6 one as its network ({@code 2001:db8:0:1:0:0:0:0/64}
     * for a /64).
     */
    String key(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = address.getAddress();
        int full = ipv6Prefix / 8;
        if (full < network.length) {
            network[full] &= (byte) (0xFF << (8 - ipv6Prefix % 8));
            Arrays.fill(network, full + 1, network.length, (byte) 0);
        }
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + ipv6Prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** The servlet container's remote address (always an IP literal there), parsed without any look-up. */
    public static InetAddress peer(String remoteAddress) {
        return literal(remoteAddress).orElse(null);
    }

    /** The viewer's address from the one value a CDN writes; none when the header is missing, repeated or malformed. */
    private static Optional<InetAddress> viewerAddress(List<String> values) {
        if (values == null || values.size() != 1) {
            return Optional.empty();
        }
        return viewerAddress(values.get(0));
    }

    /**
     * {@code ip:port} as CloudFront writes it: {@code 198.51.100.10:46532}, or an IPv6 address without brackets,
     * {@code 2001:db8::1:443} (the port is what follows the last colon); a bracketed {@code [2001:db8::1]:443} is read
     * too.
     */
    static Optional<InetAddress> viewerAddress(String value) {
        String text = value.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String port = text.substring(colon + 1);
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65_535) {
            return Optional.empty();
        }
        return literal(text.substring(0, colon));
    }

    private InetAddress forwardedClient(InetAddress direct, List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty()) {
            return direct;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        InetAddress client = direct;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break; // garbage in the chain: stop at the last address we could trust
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!hasLiteralShape(candidate)) {
            return Optional.empty();
        }
        try {
            // a literal of these shapes is parsed, never looked up
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} has the shape of an IPv4 or IPv6 literal, which the JDK parses without any look-up. */
    static boolean hasLiteralShape(String text) {
        return IPV4.matcher(text).matches()
                || (text.contains(":") && IPV6.matcher(text).matches());
    }

    /** An address block such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address block: " + text));
            int bits = parsed.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            return new Cidr(parsed.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
