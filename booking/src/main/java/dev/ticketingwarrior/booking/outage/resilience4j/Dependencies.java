package dev.ticketingwarrior.booking.outage.resilience4j;

import dev.ticketingwarrior.booking.outage.domain.MysqlOutage;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Runs every call to Redis, SQS and MySQL through its resilience4j circuit breaker. The calls carry their own
 * timeouts (client configuration); a failure, a timeout or an open circuit becomes a
 * {@link DependencyUnavailableException}, which the edge turns into 503 with {@code Retry-After}. It also keeps since
 * when MySQL has failed this instance (the first failed call after a passing one), for the ops view. MySQL refusing a
 * row it was given ({@link DataIntegrityViolationException}: a value out of range, a broken constraint) is the data's
 * fault, not an outage: it passes as it is, and its circuit breaker ignores it ({@code application.yml}).
 */
public class Dependencies implements MysqlOutage {

    public static final String REDIS = "redis";
    public static final String SQS = "sqs";
    public static final String MYSQL = "mysql";

    private static final Duration RETRY_SOON = Duration.ofSeconds(1);

    private final CircuitBreaker redis;
    private final CircuitBreaker sqs;
    private final CircuitBreaker mysql;

    /** Whether MySQL refused a call for its credentials and the pool has switched to rotated ones since. */
    private final Predicate<RuntimeException> credentialsRotated;

    private static final Logger log = LoggerFactory.getLogger(Dependencies.class);

    private final Clock clock;
    private final AtomicReference<Instant> mysqlFailingSince = new AtomicReference<>();

    public Dependencies(CircuitBreakerRegistry registry, Predicate<RuntimeException> credentialsRotated, Clock clock) {
        this.credentialsRotated = credentialsRotated;
        this.clock = clock;
        this.redis = logged(registry.circuitBreaker(REDIS));
        this.sqs = logged(registry.circuitBreaker(SQS));
        this.mysql = logged(registry.circuitBreaker(MYSQL));
    }

    /**
     * A breaker whose state changes are logged: opened (calls refused at once, each a 503) at WARN with what opened it
     * (the share of calls that failed with the last failure, the share that were slow, or, half open, the trial call
     * that failed), trying again and closed at INFO, so the log says when a dependency is back, not only when it
     * failed.
     */
    private static CircuitBreaker logged(CircuitBreaker breaker) {
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        AtomicReference<String> failed = new AtomicReference<>();
        AtomicReference<String> slow = new AtomicReference<>();
        CircuitBreaker.EventPublisher events = breaker.getEventPublisher();
        events.onError(error -> lastFailure.set(error.getThrowable()));
        events.onFailureRateExceeded(
                exceeded -> failed.set(Math.round(exceeded.getFailureRate()) + " % of calls failed"));
        events.onSlowCallRateExceeded(exceeded -> slow.set(Math.round(exceeded.getSlowCallRate())
                + " % of calls took over "
                + breaker.getCircuitBreakerConfig()
                        .getSlowCallDurationThreshold()
                        .toMillis()
                + " ms"));
        events.onStateTransition(change -> {
            CircuitBreaker.State to = change.getStateTransition().getToState();
            switch (to) {
                case OPEN, FORCED_OPEN -> {
                    StringBuilder why = new StringBuilder();
                    Throwable failure = lastFailure.getAndSet(null);
                    String failedShare = failed.getAndSet(null);
                    String slowShare = slow.getAndSet(null);
                    if (failedShare != null) {
                        why.append("; ").append(failedShare);
                        if (failure != null) {
                            why.append(", the last: ").append(ProblemAnswer.deepestSaying(failure));
                        }
                    } else if (slowShare == null && failure != null) {
                        // half open, its trial calls failed (no rate is published then)
                        why.append("; the last failure: ").append(ProblemAnswer.deepestSaying(failure));
                    }
                    if (slowShare != null) {
                        why.append("; ").append(slowShare);
                    }
                    log.warn(
                            "{} circuit open: calls to it are refused (503) for {} ms, then tried again{}",
                            change.getCircuitBreakerName(),
                            openMillis(breaker),
                            why);
                }
                case HALF_OPEN -> log.info("{} circuit half open: trying calls again", change.getCircuitBreakerName());
                case CLOSED -> log.info("{} circuit closed: it answers again", change.getCircuitBreakerName());
                default -> log.info("{} circuit {}", change.getCircuitBreakerName(), to);
            }
        });
        return breaker;
    }

    public <T> T redis(Supplier<T> call) {
        return guarded(redis, call);
    }

    public void redis(Runnable call) {
        guarded(redis, () -> {
            call.run();
            return null;
        });
    }

    public <T> T sqs(Supplier<T> call) {
        return guarded(sqs, call);
    }

    /** A call refused for its credentials is tried once more if the rotated secret gave the pool new ones. */
    public <T> T mysql(Supplier<T> call) {
        T result;
        try {
            result = guarded(mysql, () -> {
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    if (!credentialsRotated.test(e)) {
                        throw e;
                    }
                    return call.get();
                }
            });
        } catch (DependencyUnavailableException e) {
            mysqlFailingSince.compareAndSet(null, clock.instant());
            throw e;
        } catch (DataIntegrityViolationException e) {
            answered();
            throw e;
        }
        answered();
        return result;
    }

    /** MySQL answered (a result, or a refusal of the data it was given): not failing. */
    private void answered() {
        if (mysqlFailingSince.get() != null) {
            mysqlFailingSince.set(null);
        }
    }

    @Override
    public Optional<Instant> since() {
        return Optional.ofNullable(mysqlFailingSince.get());
    }

    /** How long {@code breaker} stays open before it tries calls again. */
    private static long openMillis(CircuitBreaker breaker) {
        return breaker.getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState()
                .apply(1);
    }

    private static <T> T guarded(CircuitBreaker breaker, Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            long waitMillis = openMillis(breaker);
            Duration wait = Duration.ofMillis(Math.max(RETRY_SOON.toMillis(), waitMillis));
            throw new DependencyUnavailableException(breaker.getName(), wait, e);
        } catch (DependencyUnavailableException | DataIntegrityViolationException e) {
            // already a 503's cause, or (only from MySQL) the data's fault, passed on as it is (see mysql)
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException(breaker.getName(), RETRY_SOON, e);
        }
    }
}
