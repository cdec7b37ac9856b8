package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.LocalFirstBudgets;
import dev.ticketingwarrior.edge.limit.reactive.AddressLimitFilter;
import dev.ticketingwarrior.edge.limit.reactive.FailedAuthenticationFilter;
import dev.ticketingwarrior.edge.limit.redis.RedisBudgets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The limit on failed authentication of the control API, counted in Redis across instances. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    FailedAuthenticationFilter failedAuthenticationFilter(
            ReactiveStringRedisTemplate redis, BotRunnerProperties properties) {
        BotRunnerProperties.Limits limits = properties.limits();
        return new FailedAuthenticationFilter(
                new FailedAuthentications(
                        limits.failedAuthenticationPaths(),
                        new Budget(limits.failedAuthentication(), limits.failedAuthenticationWindow())),
                new RedisBudgets(redis, limits.timeout()),
                clients(limits));
    }

    /** The public settings carry no credential: counted per address, in memory first (every browser reads them). */
    @Bean
    AddressLimitFilter addressLimitFilter(
            ReactiveStringRedisTemplate redis, Clock clock, BotRunnerProperties properties) {
        BotRunnerProperties.Limits limits = properties.limits();
        return new AddressLimitFilter(
                List.of(new AddressLimitFilter.Rule(
                        "bots-public",
                        "/api/v1/bots/public",
                        new Budget(limits.publicReads(), limits.publicReadsWindow()),
                        "reads of the bots' settings")),
                new LocalFirstBudgets(
                        new RedisBudgets(redis, limits.timeout()), clock, limits.publicReadsLocalShare(), 1 << 16),
                clients(limits));
    }

    private static ClientAddressResolver clients(BotRunnerProperties.Limits limits) {
        return new ClientAddressResolver(limits.trustedProxies(), limits.viewerAddressHeader());
    }
}
