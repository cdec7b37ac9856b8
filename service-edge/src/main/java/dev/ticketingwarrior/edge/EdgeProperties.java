package dev.ticketingwarrior.edge;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ticketing.edge.*}: the largest request body a service reads (SPEC §9: 16 KB; larger bodies are refused with
 * 413 before they are decoded), and the deadline of a WebFlux request (a request not answered by then is a 503 with
 * {@code Retry-After}, never a hang; event streams are exempt), which is also the deadline of its head's arrival.
 */
@ConfigurationProperties("ticketing.edge")
public record EdgeProperties(
        @DefaultValue("16KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration requestDeadline) {

    public EdgeProperties {
        Objects.requireNonNull(maxBodySize, "ticketing.edge.max-body-size");
        Objects.requireNonNull(requestDeadline, "ticketing.edge.request-deadline");
        if (requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException(
                    "ticketing.edge.request-deadline must be positive, was " + requestDeadline);
        }
    }
}
