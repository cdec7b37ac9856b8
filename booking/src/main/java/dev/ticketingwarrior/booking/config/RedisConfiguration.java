package dev.ticketingwarrior.booking.config;

import java.net.URI;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Redisson client for locks and scripts, with explicit command and connect timeouts. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(BookingProperties properties) {
        BookingProperties.Redis redis = properties.redis();
        Config config = new Config();
        int timeout = (int) redis.timeout().toMillis();
        SingleServerConfig server = config.useSingleServer()
                .setAddress(redis.url())
                .setTimeout(timeout)
                .setConnectTimeout(timeout)
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(8)
                .setConnectionPoolSize(128);
        String userInfo = URI.create(redis.url()).getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            server.setPassword(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        config.setNettyThreads(
                redis.nettyThreads() > 0
                        ? redis.nettyThreads()
                        : Runtime.getRuntime().availableProcessors());
        config.setLazyInitialization(true);
        return Redisson.create(config);
    }

    /** Redis in the readiness group: without it no seat can be held. */
    @Bean
    HealthIndicator redisHealthIndicator(RedissonClient redisson) {
        return () -> {
            try {
                redisson.getBucket("health:ping", StringCodec.INSTANCE).isExists();
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
