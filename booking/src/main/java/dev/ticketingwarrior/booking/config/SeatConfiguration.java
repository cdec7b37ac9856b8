package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.seat.domain.SeatMapService;
import dev.ticketingwarrior.booking.seat.domain.SeatStates;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.RoundClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The venue and the seat map, wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class SeatConfiguration {

    @Bean
    Venue venue(BookingProperties properties) {
        BookingProperties.Venue venue = properties.venue();
        return new Venue(venue.rows(), venue.columns(), venue.vipRows(), venue.rRows());
    }

    @Bean
    SeatMapService seatMapService(Venue venue, SeatStates states, RoundClock clock) {
        return new SeatMapService(venue, states, clock);
    }
}
