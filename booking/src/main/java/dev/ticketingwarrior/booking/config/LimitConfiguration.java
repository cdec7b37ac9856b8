package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.player.web.PlayerLimits;
import dev.ticketingwarrior.booking.player.web.ReadLimits;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.BlockingLocalFirstBudgets;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.LocalAllowances;
import dev.ticketingwarrior.edge.limit.servlet.AddressLimit;
import dev.ticketingwarrior.edge.limit.servlet.FailedAuthenticationFilter;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-client limits (docs/decisions/0010): player calls per ticket, calls without a token per address, and failed
 * authentication of the ops API and of bot keys. Seat maps and public reads, which every player makes about once a
 * second, are counted in memory first (one table of 2^18 counters a window, 1 MiB) and in Redis past the instance's
 * allowance. Refused admission tokens on the player API are counted per address like wrong bot keys, in a budget of
 * their own.
 */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    /** The in-memory counts of seat maps and public reads: one table a window for both (their keys differ). */
    @Bean
    LocalAllowances readAllowances(Clock clock, BookingProperties properties) {
        return new LocalAllowances(clock, properties.limits().readLocalShare(), 1 << 18);
    }

    @Bean
    PlayerLimits playerLimits(Budgets budgets, LocalAllowances readAllowances, BookingProperties properties) {
        BookingProperties.Limits limits = properties.limits();
        return new PlayerLimits(
                budgets,
                new BlockingLocalFirstBudgets(budgets, readAllowances),
                Map.of(
                        PlayerLimits.Action.LETTER, limits.lettersPerTicket().budget(),
                        PlayerLimits.Action.ANSWER,
                                limits.letterAnswersPerTicket().budget(),
                        PlayerLimits.Action.SEAT_MAP, limits.seatMapsPerTicket().budget(),
                        PlayerLimits.Action.HOLD, limits.holdsPerTicket().budget(),
                        PlayerLimits.Action.RELEASE, limits.releasesPerTicket().budget(),
                        PlayerLimits.Action.BOOKING, limits.bookingsPerTicket().budget()));
    }

    /** Who a client is, as every per-address limit counts it (the viewer's address behind CloudFront and the ALB). */
    @Bean
    ClientAddressResolver clientAddressResolver(BookingProperties properties) {
        return properties.limits().clientAddressResolver();
    }

    @Bean
    ReadLimits readLimits(
            Budgets budgets,
            LocalAllowances readAllowances,
            ClientAddressResolver addresses,
            BookingProperties properties) {
        BookingProperties.Limits limits = properties.limits();
        return new ReadLimits(
                new AddressLimit(
                        new BlockingLocalFirstBudgets(budgets, readAllowances),
                        "public-reads",
                        limits.publicReadsPerAddress().budget(),
                        addresses,
                        "results, seat maps and booking look-ups"),
                new AddressLimit(
                        budgets,
                        "debriefs",
                        limits.debriefReadsPerAddress().budget(),
                        addresses,
                        "debrief and history reads"));
    }

    @Bean
    FailedAuthenticationFilter failedAuthenticationFilter(
            Budgets budgets, ClientAddressResolver clients, BookingProperties properties, JsonMapper json) {
        return new FailedAuthenticationFilter(properties.limits().failedAuthentications(), budgets, clients, json);
    }

    /** Refused admission tokens on the player API, per address, with counters of their own. */
    @Bean
    FailedAuthenticationFilter failedTokenFilter(
            Budgets budgets, ClientAddressResolver clients, BookingProperties properties, JsonMapper json) {
        BookingProperties.Limits limits = properties.limits();
        return new FailedAuthenticationFilter(
                FailedAuthentications.playerTokens(
                        limits.failedTokenPaths(),
                        limits.failedTokensPerAddress().budget()),
                budgets,
                clients,
                json);
    }
}
