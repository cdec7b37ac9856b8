package dev.ticketingwarrior.edge.log;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * WARN lines for a failure that comes in floods: a dependency down answers every request with a 503, a store that
 * stops answering ends every open event stream at once. The first of a kind is logged; the others of that kind within
 * the next {@link #QUIET} are only counted, and the next line of the kind after it says how many there were. One line
 * per request would be thousands a second in a surge, the logging itself then slowing the service the outage hurts;
 * how many requests failed is the metrics' to say ({@code http.server.requests} by status).
 */
public final class RepeatedWarnings {

    private final Logger log;
    private final long quietNanos;
    private final LongSupplier nanoTime;
    /** By kind: a few fixed names (a dependency, "event stream ended"), never a value a request chose. */
    private final ConcurrentMap<String, Kind> kinds = new ConcurrentHashMap<>();

    /** How long a kind stays quiet after a line: the services' one setting, so their logs read alike in an outage. */
    public static final Duration QUIET = Duration.ofSeconds(10);

    public RepeatedWarnings(Logger log) {
        this(log, QUIET, System::nanoTime);
    }

    RepeatedWarnings(Logger log, Duration quiet, LongSupplier nanoTime) {
        this.log = Objects.requireNonNull(log, "log");
        this.quietNanos = quiet.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Logs {@code message} (an SLF4J pattern) with {@code arguments} at WARN, unless a line of {@code kind} was logged
     * within the quiet time, in which case it is counted for that kind's next line.
     */
    public void warn(String kind, String message, Object... arguments) {
        if (!log.isWarnEnabled()) {
            return;
        }
        long skipped = kinds.computeIfAbsent(kind, k -> new Kind()).pass(nanoTime.getAsLong(), quietNanos);
        if (skipped == 0) {
            log.warn(message, arguments);
        } else if (skipped > 0) {
            Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
            withCount[arguments.length] = skipped;
            log.warn(message + " (and {} more like it since the last such line)", withCount);
        }
    }

    /**
     * The failure of {@code kind} is over: if a line of it was logged, logs {@code message} at INFO with how many were
     * only counted since that line, and the next failure of the kind is logged at once. Cheap when nothing failed (a
     * look-up in an empty map), so a loop may call it on every success.
     */
    public void cleared(String kind, String message, Object... arguments) {
        Kind ended = kinds.isEmpty() ? null : kinds.remove(kind);
        if (ended == null) {
            return;
        }
        Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
        withCount[arguments.length] = ended.skipped.sum();
        log.info(message + " ({} more failed after the last line about it)", withCount);
    }

    private static final class Kind {

        private static final long NEVER = Long.MIN_VALUE;

        private final AtomicLong lastLogged = new AtomicLong(NEVER);
        private final LongAdder skipped = new LongAdder();

        /** How many were left out since the last line when this one is to be logged, else -1 (counted). */
        long pass(long now, long quiet) {
            long last = lastLogged.get();
            if ((last != NEVER && now - last < quiet) || !lastLogged.compareAndSet(last, now)) {
                skipped.increment();
                return -1;
            }
            return skipped.sumThenReset();
        }
    }
}
