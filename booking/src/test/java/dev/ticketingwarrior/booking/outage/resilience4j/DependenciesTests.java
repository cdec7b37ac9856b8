package dev.ticketingwarrior.booking.outage.resilience4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.testing.LogLines;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependenciesTests {

    private static final Instant FIRST_FAILURE = Instant.parse("2026-12-05T02:16:03Z");

    private Clock clock = Clock.fixed(FIRST_FAILURE, ZoneOffset.UTC);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final Dependencies dependencies = new Dependencies(breakers, failure -> false, new Clock() {
        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void logsWhenADependencysCircuitOpensAndWhenItAnswersAgain() {
        CircuitBreaker mysql = breakers.circuitBreaker(Dependencies.MYSQL);
        try (LogLines logged = LogLines.of(Dependencies.class.getName())) {
            mysql.transitionToOpenState();
            mysql.transitionToHalfOpenState();
            mysql.transitionToClosedState();

            assertThat(levelsAndMessages(logged))
                    .containsExactly(
                            "WARN mysql circuit open: calls to it are refused (503) for 60000 ms, then tried again",
                            "INFO mysql circuit half open: trying calls again",
                            "INFO mysql circuit closed: it answers again");
        }
    }

    /** Which failure opened the circuit: after an outage, the trial call that failed shows why it is still refused. */
    @Test
    void saysWhichFailureOpenedTheCircuit() {
        CircuitBreakerRegistry quick = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(2)
                .minimumNumberOfCalls(2)
                .build());
        Dependencies failing = dependenciesOn(quick);
        try (LogLines logged = LogLines.of(Dependencies.class.getName())) {
            for (String cause : new String[] {"connection refused", "no operations allowed after connection closed"}) {
                assertThatThrownBy(() -> failing.mysql(() -> {
                            throw new IllegalStateException("pool", new IllegalStateException(cause));
                        }))
                        .isInstanceOf(DependencyUnavailableException.class);
            }

            assertThat(levelsAndMessages(logged))
                    .containsExactly("WARN mysql circuit open: calls to it are refused (503) for 60000 ms, then tried"
                            + " again; 100 % of calls failed, the last: java.lang.IllegalStateException: no operations"
                            + " allowed after connection closed");
        }
    }

    /** After an outage, the trial call that failed shows why the circuit is still refusing calls. */
    @Test
    void saysWhichTrialCallOpenedTheCircuitAgain() {
        CircuitBreakerRegistry quick = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        Dependencies trying = dependenciesOn(quick);
        CircuitBreaker mysql = quick.circuitBreaker(Dependencies.MYSQL);
        mysql.transitionToOpenState();
        mysql.transitionToHalfOpenState();
        try (LogLines logged = LogLines.of(Dependencies.class.getName())) {
            assertThatThrownBy(() -> trying.mysql(() -> {
                        throw new IllegalStateException("pool", new IllegalStateException("connection refused"));
                    }))
                    .isInstanceOf(DependencyUnavailableException.class);

            assertThat(levelsAndMessages(logged))
                    .containsExactly("WARN mysql circuit open: calls to it are refused (503) for 60000 ms, then tried"
                            + " again; the last failure: java.lang.IllegalStateException: connection refused");
        }
    }

    /** A circuit opened by slow calls says so, not a failure from before that had nothing to do with it. */
    @Test
    void saysWhenSlowCallsOpenedTheCircuit() {
        CircuitBreakerRegistry quick = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .slowCallDurationThreshold(java.time.Duration.ofMillis(20))
                .slowCallRateThreshold(75)
                .build());
        Dependencies slowing = dependenciesOn(quick);
        try (LogLines logged = LogLines.of(Dependencies.class.getName())) {
            assertThatThrownBy(() -> slowing.redis(() -> {
                        throw new IllegalStateException("an old failure");
                    }))
                    .isInstanceOf(DependencyUnavailableException.class);
            for (int i = 0; i < 3; i++) {
                slowing.redis(() -> {
                    try {
                        Thread.sleep(40);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            assertThat(levelsAndMessages(logged))
                    .containsExactly("WARN redis circuit open: calls to it are refused (503) for 60000 ms, then tried"
                            + " again; 75 % of calls took over 20 ms");
        }
    }

    @Test
    void mysqlFailsSinceItsFirstFailedCallUntilOnePasses() {
        assertThat(dependencies.since()).isEmpty();
        assertThat(dependencies.mysql(() -> 1)).isEqualTo(1);
        assertThat(dependencies.since()).as("it answers").isEmpty();

        assertThatThrownBy(() -> dependencies.mysql(() -> {
                    throw new IllegalStateException("connection refused");
                }))
                .isInstanceOf(DependencyUnavailableException.class);
        clock = Clock.offset(clock, java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> dependencies.mysql(() -> {
                    throw new IllegalStateException("connection refused");
                }))
                .isInstanceOf(DependencyUnavailableException.class);
        assertThat(dependencies.since()).as("from the first failure on").contains(FIRST_FAILURE);

        assertThat(dependencies.mysql(() -> 2)).isEqualTo(2);
        assertThat(dependencies.since()).as("answering again").isEmpty();
    }

    @Test
    void otherDependenciesDoNotCount() {
        assertThatThrownBy(() -> dependencies.redis(() -> {
                    throw new IllegalStateException("redis down");
                }))
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat(dependencies.since()).isEmpty();
    }

    /** Dependencies whose breakers come from {@code breakers}, without rotated credentials, on the fixed clock. */
    private Dependencies dependenciesOn(CircuitBreakerRegistry breakers) {
        return new Dependencies(breakers, failure -> false, clock);
    }

    /** What {@code logged} caught, a line each as {@code "<level> <message>"}. */
    private static List<String> levelsAndMessages(LogLines logged) {
        return logged.lines().stream()
                .map(line -> line.getLevel() + " " + line.getFormattedMessage())
                .toList();
    }
}
