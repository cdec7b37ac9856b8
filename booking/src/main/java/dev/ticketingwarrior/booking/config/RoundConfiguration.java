package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.RoundClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How long a round's keys live, on the round clock the edge provides from {@code ticketing.round.*}. */
@Configuration(proxyBeanMethods = false)
class RoundConfiguration {

    @Bean
    RoundRetention roundRetention(RoundClock clock, BookingProperties properties) {
        return new RoundRetention(clock, properties.redis().retention());
    }
}
