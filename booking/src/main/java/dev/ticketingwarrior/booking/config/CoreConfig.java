package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.captcha.domain.CaptchaRenderer;
import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the round clock, the venue and the other plain domain objects. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    private static final Logger log = LoggerFactory.getLogger(CoreConfig.class);
    static final String DEV_BOT_KEY = "dev-bot-key";

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
    Venue venue(BookingProperties properties) {
        BookingProperties.Venue venue = properties.venue();
        return new Venue(venue.rows(), venue.columns(), venue.vipRows(), venue.rRows());
    }

    @Bean
    RoundRetention roundRetention(RoundClock clock, BookingProperties properties) {
        return new RoundRetention(clock, properties.redis().retention());
    }

    @Bean
    CaptchaRenderer captchaRenderer(BookingProperties properties) {
        if (properties.captcha().hasFixedAnswer()) {
            log.warn("security letter answer is FIXED (test profile): never use this in production");
        }
        if (properties.captcha().hasLoadTestKey()) {
            log.warn("security letters are solvable with the load-test key: never set TICKETING_CAPTCHA_LOAD_TEST_KEY"
                    + " in production unless a soak is running");
        }
        if (DEV_BOT_KEY.equals(properties.botKey())) {
            log.warn("TICKETING_BOT_KEY is not set: using the documented dev default bot key");
        }
        return new CaptchaRenderer();
    }
}
