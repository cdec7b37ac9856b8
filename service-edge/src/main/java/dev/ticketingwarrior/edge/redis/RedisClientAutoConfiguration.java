package dev.ticketingwarrior.edge.redis;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The services' Lettuce client sends each command once. By default Lettuce, after it reconnects, sends again the
 * commands it had written whose replies had not come when the connection dropped, so a script that ran before the drop
 * (an entry, a budget spent, a stream slot taken) ran twice. Rejecting commands while disconnected fails those commands
 * instead, like any issued before the reconnect: the caller answers 503 with Retry-After and its client retries.
 * Booking's Redisson client is set the same way (its {@code RedisConfiguration}).
 */
@AutoConfiguration
@ConditionalOnClass({ClientOptions.class, LettuceClientOptionsBuilderCustomizer.class})
public class RedisClientAutoConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer commandsSentOnce() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
