package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the service: every instant comes from this bean, which tests replace with a mutable one. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoundClock roundClock(Clock clock, AdmissionProperties properties) {
        return new RoundClock(
                clock, properties.round().period(), properties.round().openFor());
    }
}
