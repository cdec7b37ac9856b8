package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.ranking.domain.RankingService;
import dev.ticketingwarrior.booking.ranking.domain.Rankings;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.RoundClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ranks, results and leaderboards, wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class RankingConfiguration {

    @Bean
    RankingService rankingService(Rankings rankings, Venue venue, RoundClock clock, BookingProperties properties) {
        return new RankingService(
                rankings,
                venue,
                clock,
                properties.results().histogramBucket(),
                properties.results().leaderboardSize());
    }
}
