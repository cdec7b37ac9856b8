package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.edge.log.RepeatedLinesFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Third-party loggers that write a line, stack trace and all, per failed attempt while MySQL or SQS is down, quieted
 * to one line of a kind every 10 s (service-edge's {@link RepeatedLinesFilter}): Hikari validating each dead
 * connection, the SQS listener's every failed poll. Booking's own lines say what is down and when it is back.
 */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

    @Bean
    RepeatedLinesFilter thirdPartyFloods() {
        return RepeatedLinesFilter.install(List.of(
                "com.zaxxer.hikari.pool.PoolBase",
                "io.awspring.cloud.sqs.listener.source.AbstractPollingMessageSource"));
    }
}
