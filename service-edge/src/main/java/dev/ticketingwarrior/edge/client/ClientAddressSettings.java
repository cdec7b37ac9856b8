package dev.ticketingwarrior.edge.client;

import java.util.List;

/**
 * The knobs that say who a client is, as the three services' limits properties name them ({@code trusted-proxies},
 * {@code viewer-address-header}, {@code ipv6-prefix}), and the resolver they make. A service's properties record
 * implements it with its own components, the header's annotated {@link HeaderNameOrEmpty}, the prefix
 * {@code @Min(32) @Max(128)}.
 */
public interface ClientAddressSettings {

    /** Peers whose {@code X-Forwarded-For} (and viewer-address header) is believed: addresses or CIDR ranges. */
    List<String> trustedProxies();

    /**
     * The header a CDN in front of the trusted proxies writes the viewer's {@code ip:port} into
     * ({@code CloudFront-Viewer-Address}); empty when no CDN writes one.
     */
    String viewerAddressHeader();

    /**
     * The length of the IPv6 network counted as one client: 64 (a subscriber's), 56 or 48 where one player is seen
     * rotating through a home's or a site's networks; 32 to 128.
     */
    int ipv6Prefix();

    default ClientAddressResolver clientAddressResolver() {
        return new ClientAddressResolver(trustedProxies(), viewerAddressHeader(), ipv6Prefix());
    }
}
