package dev.ticketingwarrior.admission;

import java.net.URI;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A plain Redis client for tests that play booking's part (SADD to the finished set). */
final class RedisHolder {

    private static StringRedisTemplate template;

    private RedisHolder() {}

    static synchronized StringRedisTemplate template(String url) {
        if (template == null) {
            URI uri = URI.create(url);
            LettuceConnectionFactory factory =
                    new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
            factory.afterPropertiesSet();
            template = new StringRedisTemplate(factory);
        }
        return template;
    }
}
