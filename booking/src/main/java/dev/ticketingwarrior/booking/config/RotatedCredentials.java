package dev.ticketingwarrior.booking.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the pool follow a password rotation without a restart: when MySQL refuses the pool's credentials (SQLSTATE
 * 28000, error 1045), the secret is read again and, if it changed, the pool opens its next connections with the new
 * credentials ({@code Dependencies.mysql} then tries the call once more). Connections already open keep working through
 * a rotation; only new ones meet the new password. The secret is read at most once per {@code atMostEvery}, by one
 * caller at a time, so a wrong password cannot hammer Secrets Manager. The pool stays the plain Hikari pool, so what
 * Spring derives from it (Flyway's connection with its own user) is unchanged.
 */
public final class RotatedCredentials {

    private static final Logger log = LoggerFactory.getLogger(RotatedCredentials.class);
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final int ACCESS_DENIED = 1045;

    private final HikariDataSource pool;
    private final Supplier<Credentials> secret;
    private final Duration atMostEvery;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private Instant lastRead = Instant.MIN;
    private boolean switchedAtLastRead;

    RotatedCredentials(HikariDataSource pool, Supplier<Credentials> secret, Duration atMostEvery, Clock clock) {
        this.pool = pool;
        this.secret = secret;
        this.atMostEvery = atMostEvery;
        this.clock = clock;
    }

    /**
     * Called with a failed MySQL call: true if MySQL refused the credentials and the pool now has the secret's current
     * ones, so the call is worth trying again.
     */
    boolean switchedAfter(Throwable failure) {
        return refusedCredentials(failure) && switchedToTheCurrentSecret();
    }

    /** Whether the failure (or its cause: Hikari wraps the driver's) is MySQL refusing the user or password. */
    static boolean refusedCredentials(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (INVALID_AUTHORIZATION.equals(sql.getSQLState()) || sql.getErrorCode() == ACCESS_DENIED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the secret (unless it was read within {@code atMostEvery}: then that read's verdict stands) and switches
     * the pool to it if it differs from what the pool uses. True if the pool now has other credentials to try.
     */
    private boolean switchedToTheCurrentSecret() {
        reading.lock();
        try {
            Instant now = clock.instant();
            if (lastRead != Instant.MIN && now.isBefore(lastRead.plus(atMostEvery))) {
                return switchedAtLastRead;
            }
            lastRead = now;
            Credentials current = readSecret().orElse(null);
            switchedAtLastRead = current != null
                    && !(Objects.equals(pool.getUsername(), current.getUsername())
                            && Objects.equals(pool.getPassword(), current.getPassword()));
            if (switchedAtLastRead) {
                pool.getHikariConfigMXBean().setCredentials(current);
                log.warn(
                        "MySQL refused the pool's credentials: switched to the secret's current ones (user {})",
                        current.getUsername());
            }
            return switchedAtLastRead;
        } finally {
            reading.unlock();
        }
    }

    private Optional<Credentials> readSecret() {
        try {
            return Optional.of(secret.get());
        } catch (RuntimeException e) {
            log.warn("MySQL refused the pool's credentials and the secret could not be read again: {}", e.toString());
            return Optional.empty();
        }
    }
}
