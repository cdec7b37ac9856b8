package dev.ticketingwarrior.botrunner.config;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The bots' one HTTP client: non-blocking (Reactor Netty), with a connection pool sized for thousands of concurrent
 * bots per service (each waiting bot keeps its queue event stream open), a bounded wait for a pooled connection, and
 * explicit connect and response timeouts, so no bot call can hang.
 */
@Configuration(proxyBeanMethods = false)
class HttpClientConfiguration {

    @Bean(destroyMethod = "dispose")
    ConnectionProvider botConnections(BotRunnerProperties properties) {
        BotRunnerProperties.Http http = properties.http();
        return ConnectionProvider.builder("bots")
                .maxConnections(http.maxConnections())
                .pendingAcquireMaxCount(http.pendingAcquireMaxCount())
                .pendingAcquireTimeout(http.pendingAcquireTimeout())
                .maxIdleTime(http.maxIdleTime())
                .evictInBackground(Duration.ofSeconds(30))
                // reactor.netty.connection.provider.{total,active,idle,pending}.connections gauges: whether the bots'
                // connections were open before the open, and whether a bot ever waited for one
                .metrics(true)
                .build();
    }

    /**
     * The bots' event loops: one per core. Reactor Netty's shared default is at least 4, which on a one-core instance
     * is 4 busy threads taking turns with the bots' launch thread, which then gets a smaller share of the core at
     * the open.
     */
    @Bean(destroyMethod = "dispose")
    LoopResources botLoops() {
        return LoopResources.create(
                "bots-http", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    }

    @Bean
    HttpClient botHttpClient(
            ConnectionProvider botConnections, LoopResources botLoops, BotRunnerProperties properties) {
        BotRunnerProperties.Http http = properties.http();
        return HttpClient.create(botConnections)
                .runOn(botLoops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        http.connectTimeout().toMillis())
                .responseTimeout(http.responseTimeout());
    }
}
