package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the service: every instant comes from this bean, which tests may replace. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoundClock roundClock(Clock clock, BotRunnerProperties properties) {
        return new RoundClock(
                clock, properties.round().period(), properties.round().openFor());
    }
}
