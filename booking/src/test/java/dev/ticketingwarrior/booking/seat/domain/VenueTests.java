package dev.ticketingwarrior.booking.seat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VenueTests {

    @Test
    void defaultVenueHasHundredSeatsGradedVipRAndS() {
        Venue venue = new Venue(10, 10, 2, 3);
        assertThat(venue.size()).isEqualTo(100);
        assertThat(venue.seats().getFirst().id()).isEqualTo("A-1");
        assertThat(venue.seats().getLast().id()).isEqualTo("J-10");
        assertThat(venue.seat("B-10").orElseThrow().grade()).isEqualTo(Grade.VIP);
        assertThat(venue.seat("C-1").orElseThrow().grade()).isEqualTo(Grade.R);
        assertThat(venue.seat("E-5").orElseThrow().grade()).isEqualTo(Grade.R);
        assertThat(venue.seat("F-1").orElseThrow().grade()).isEqualTo(Grade.S);
    }

    @Test
    void largerVenuesAreConfigurable() {
        Venue venue = new Venue(20, 50, 2, 3);
        assertThat(venue.size()).isEqualTo(1000);
        assertThat(venue.seat("T-50")).isPresent();
    }

    @Test
    void unknownSeatsAreNotFound() {
        Venue venue = new Venue(10, 10, 2, 3);
        assertThat(venue.seat("K-1")).isEmpty();
        assertThat(venue.seat("A-11")).isEmpty();
        assertThat(venue.seat("a-1")).isEmpty();
        assertThat(venue.seat(null)).isEmpty();
    }
}
