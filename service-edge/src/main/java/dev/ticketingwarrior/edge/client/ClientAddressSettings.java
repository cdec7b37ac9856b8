package dev.ticketingwarrior.edge.client;

import java.util.List;

/**
 * The knobs that say who a client is, as the three services' limits properties name them ({@code trusted-proxies},
 * {@code viewer-address-header}), and the resolver they make. A service's properties record implements it with its own
 * components, the header's annotated {@link HeaderNameOrEmpty}.
 */
public interface ClientAddressSettings {

    /** Peers whose {@code X-Forwarded-For} (and viewer-address header) is believed: addresses or CIDR ranges. */
    List<String> trustedProxies();

    /**
     * The header a CDN in front of the trusted proxies writes the viewer's {@code ip:port} into
     * ({@code CloudFront-Viewer-Address}); empty when no CDN writes one.
     */
    String viewerAddressHeader();

    default ClientAddressResolver clientAddressResolver() {
        return new ClientAddressResolver(trustedProxies(), viewerAddressHeader());
    }
}
