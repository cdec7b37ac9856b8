package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
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

/** The per-client budgets on Redis and the limit on failed authentication of the ops API and bot keys. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    ReactiveBudgets budgets(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        return new RedisBudgets(redis, properties.limits().timeout());
    }

    /**
     * Status polls: in memory within each instance's allowance, in Redis past it. 2^21 counters a window (8 MiB): a
     * million players' polls of a window, ticket and address each, share a counter only now and then.
     */
    @Bean
    LocalFirstBudgets pollBudgets(ReactiveBudgets budgets, Clock clock, AdmissionProperties properties) {
        return new LocalFirstBudgets(budgets, clock, properties.limits().pollLocalShare(), 1 << 21);
    }

    /** The clock and the JWKS carry no credential: counted per address. */
    @Bean
    AddressLimitFilter addressLimitFilter(
            LocalFirstBudgets pollBudgets, ClientAddressResolver clients, AdmissionProperties properties) {
        AdmissionProperties.Limits limits = properties.limits();
        return new AddressLimitFilter(
                List.of(
                        new AddressLimitFilter.Rule(
                                "clock",
                                "/api/v1/clock",
                                limits.clockPerClient().budget(),
                                "clock reads"),
                        new AddressLimitFilter.Rule(
                                "jwks",
                                "/.well-known/jwks.json",
                                limits.jwksPerClient().budget(),
                                "key reads")),
                pollBudgets,
                clients);
    }

    @Bean
    FailedAuthenticationFilter failedAuthenticationFilter(
            ReactiveBudgets budgets, ClientAddressResolver clients, AdmissionProperties properties) {
        return new FailedAuthenticationFilter(properties.limits().failedAuthentications(), budgets, clients);
    }
}
