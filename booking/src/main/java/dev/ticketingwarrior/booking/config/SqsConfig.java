package dev.ticketingwarrior.booking.config;

import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Explicit SQS call timeouts. The listener's long polls (up to 20 s) share this client, so the client-wide limit sits
 * above them; a booking's send is bounded much tighter by {@code ticketing.queue.send-timeout} where it waits.
 */
@Configuration(proxyBeanMethods = false)
class SqsConfig {

    @Bean
    SqsAsyncClientCustomizer sqsTimeouts(BookingProperties properties) {
        Duration longPoll = Duration.ofSeconds(20);
        Duration send = properties.queue().sendTimeout();
        return builder -> builder.overrideConfiguration(override ->
                override.apiCallTimeout(longPoll.plus(send).plusSeconds(5)).apiCallAttemptTimeout(longPoll.plus(send)));
    }
}
