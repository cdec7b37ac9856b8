package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.LocalFirstBudgets;
import dev.ticketingwarrior.edge.limit.ReactiveBudgets;
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

    /** The budgets in Redis, shared by every instance, as in admission. */
    @Bean
    ReactiveBudgets budgets(ReactiveStringRedisTemplate redis, BotRunnerProperties properties) {
        return new RedisBudgets(redis, properties.limits().timeout());
    }

    @Bean
    ClientAddressResolver clientAddressResolver(BotRunnerProperties properties) {
        return properties.limits().clientAddressResolver();
    }

    @Bean
    FailedAuthenticationFilter failedAuthenticationFilter(
            ReactiveBudgets budgets, ClientAddressResolver clients, BotRunnerProperties properties) {
        BotRunnerProperties.Limits limits = properties.limits();
        return new FailedAuthenticationFilter(
                new FailedAuthentications(
                        limits.failedAuthenticationPaths(),
                        new Budget(limits.failedAuthentication(), limits.failedAuthenticationWindow())),
                budgets,
                clients);
    }

    /** The public settings carry no credential: counted per address, in memory first (every browser reads them). */
    @Bean
    AddressLimitFilter addressLimitFilter(
            ReactiveBudgets budgets, ClientAddressResolver clients, Clock clock, BotRunnerProperties properties) {
        BotRunnerProperties.Limits limits = properties.limits();
        return new AddressLimitFilter(
                List.of(new AddressLimitFilter.Rule(
                        "bots-public",
                        "/api/v1/bots/public",
                        new Budget(limits.publicReads(), limits.publicReadsWindow()),
                        "reads of the bots' settings")),
                new LocalFirstBudgets(budgets, clock, limits.publicReadsLocalShare(), 1 << 16),
                clients);
    }
}
