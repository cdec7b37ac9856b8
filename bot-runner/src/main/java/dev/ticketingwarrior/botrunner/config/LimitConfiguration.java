package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.reactive.FailedAuthenticationFilter;
import dev.ticketingwarrior.edge.limit.redis.RedisBudgets;
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
                new ClientAddressResolver(limits.trustedProxies(), limits.viewerAddressHeader()));
    }
}
