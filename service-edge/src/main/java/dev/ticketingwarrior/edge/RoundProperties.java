package dev.ticketingwarrior.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ticketing.round.*}: the round timing every service shares (SPEC §3). */
@ConfigurationProperties("ticketing.round")
public record RoundProperties(
        @DefaultValue("60s") Duration period,
        @DefaultValue("15s") Duration openFor) {

    public RoundProperties {
        if (period.isNegative()
                || period.isZero()
                || openFor.isNegative()
                || openFor.isZero()
                || openFor.compareTo(period) > 0) {
            throw new IllegalArgumentException("ticketing.round: a positive open-for must lie within a positive period,"
                    + " got " + openFor + " of " + period);
        }
    }
}
