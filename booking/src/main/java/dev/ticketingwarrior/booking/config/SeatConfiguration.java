package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeat;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.booking.seat.domain.SeatMapService;
import dev.ticketingwarrior.booking.seat.domain.SeatStates;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
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

    /** Redis while the round's keys are kept, then the round's confirmed seats in MySQL. */
    @Bean
    SeatMapService seatMapService(
            Venue venue, SeatStates states, Bookings bookings, RoundRetention retention, RoundClock clock) {
        SeatStates archived = round -> new SeatStates.Snapshot(
                bookings.soldSeats(round, Instant.EPOCH).seats().stream()
                        .map(SoldSeat::seatId)
                        .collect(Collectors.toUnmodifiableSet()),
                Map.of());
        return new SeatMapService(venue, states, archived, retention, clock);
    }
}
