package dev.ticketingwarrior.admission;

import dev.ticketingwarrior.edge.testing.SteppedClock;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the system clock with {@link #CLOCK} in every test context: one clock per test JVM, shared by every
 * application context started in it, moved by hand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final SteppedClock CLOCK = new SteppedClock(Instant.parse("2031-01-01T00:00:00Z"));

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
