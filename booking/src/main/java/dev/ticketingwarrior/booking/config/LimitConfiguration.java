package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.player.web.PlayerLimits;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.servlet.FailedAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The per-ticket limits of player calls and the limit on failed authentication of the ops API and of bot keys. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    PlayerLimits playerLimits(Budgets budgets, BookingProperties properties) {
        BookingProperties.Limits limits = properties.limits();
        return new PlayerLimits(
                budgets,
                limits.lettersPerTicket().budget(),
                limits.holdsPerTicket().budget(),
                limits.bookingsPerTicket().budget());
    }

    @Bean
    FailedAuthenticationFilter failedAuthenticationFilter(
            Budgets budgets, BookingProperties properties, JsonMapper json) {
        BookingProperties.Limits limits = properties.limits();
        return new FailedAuthenticationFilter(
                new FailedAuthentications(
                        limits.failedAuthenticationPaths(),
                        limits.failedAuthenticationBotKeyPaths(),
                        limits.failedAuthentication().budget()),
                budgets,
                new ClientAddressResolver(limits.trustedProxies(), limits.viewerAddressHeader()),
                json);
    }
}
