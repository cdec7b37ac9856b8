package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the service, the round clock, and how long a round's keys live. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** UTC system clock; tests register their own {@code Clock} first. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoundClock roundClock(Clock clock, BookingProperties properties) {
        return new RoundClock(
                clock, properties.round().period(), properties.round().openFor());
    }

    @Bean
    RoundRetention roundRetention(RoundClock clock, BookingProperties properties) {
        return new RoundRetention(clock, properties.redis().retention());
    }
}
