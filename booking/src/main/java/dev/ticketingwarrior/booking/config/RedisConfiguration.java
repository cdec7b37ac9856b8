package dev.ticketingwarrior.booking.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Redisson client for locks and scripts, with explicit command and connect timeouts. A command is sent once: the
 * hold, booking, fencing and limit scripts are not idempotent, and one whose reply timed out still runs when Redis
 * catches up, so a second send would run it twice. The caller's 503 with Retry-After is the retry, made by the client
 * that knows its idempotency key.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(BookingProperties properties) {
        BookingProperties.Redis redis = properties.redis();
        Config config = new Config();
        int timeout = (int) redis.timeout().toMillis();
        URI url = URI.create(redis.url());
        Credentials credentials = credentials(redis, url);
        config.setUsername(credentials.username());
        config.setPassword(credentials.password());
        config.useSingleServer()
                .setAddress(withoutUserInfo(url))
                .setTimeout(timeout)
                .setConnectTimeout(timeout)
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(8)
                .setConnectionPoolSize(128);
        config.setNettyThreads(
                redis.nettyThreads() > 0
                        ? redis.nettyThreads()
                        : Runtime.getRuntime().availableProcessors());
        config.setLazyInitialization(true);
        return Redisson.create(config);
    }

    /** Who booking signs in to Redis as; {@code null}s for a Redis that asks for no credentials. */
    record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=" + (password == null ? "(none)" : "(set)") + "]";
        }
    }

    /**
     * The {@code username} and {@code password} properties when a password is set (the aws profile's, from Secrets
     * Manager), else the URL's user info: {@code redis://user:password@host} or {@code redis://:password@host}.
     */
    static Credentials credentials(BookingProperties.Redis redis, URI url) {
        if (hasText(redis.password())) {
            return new Credentials(hasText(redis.username()) ? redis.username() : null, redis.password());
        }
        String userInfo = url.getUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return new Credentials(null, null);
        }
        String username = userInfo.substring(0, userInfo.indexOf(':'));
        return new Credentials(username.isEmpty() ? null : username, userInfo.substring(userInfo.indexOf(':') + 1));
    }

    /** The address without the credentials, which then appear in no log line of Redisson's. */
    static String withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis URL: " + url.getScheme() + "://" + url.getHost(), e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Redis in the health (not in readiness: every instance shares it): without it no seat can be held. */
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
