package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The circuit breakers every adapter calls Redis, SQS and MySQL through (resilience4j's, configured in yml). */
@Configuration(proxyBeanMethods = false)
class OutageConfiguration {

    @Bean
    Dependencies dependencies(
            CircuitBreakerRegistry registry, ObjectProvider<RotatedCredentials> credentials, Clock clock) {
        return new Dependencies(
                registry,
                failure -> {
                    RotatedCredentials rotated = credentials.getIfAvailable();
                    return rotated != null && rotated.switchedAfter(failure);
                },
                clock);
    }
}
