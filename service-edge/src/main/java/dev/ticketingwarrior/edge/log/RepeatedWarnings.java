package dev.ticketingwarrior.edge.log;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
     * within the quiet time, in which case it is counted for that kind's next line. An exception goes in as its
     * {@code toString()}, not as a last argument: a counted line appends its count after the arguments.
     */
    public void warn(String kind, String message, Object... arguments) {
        if (!log.isWarnEnabled()) {
            return;
        }
        long skipped = kinds.computeIfAbsent(kind, k -> new Kind()).pass(nanoTime.getAsLong(), quietNanos);
        if (skipped == 0) {
            log.warn(message, arguments);
        } else if (skipped > 0) {
            log.warn(message + " (and {} more like it since the last such line)", withCount(arguments, skipped));
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
        log.info(message + " ({} more failed after the last line about it)", withCount(arguments, ended.skipped()));
    }

    /**
     * An argument worked out only if its line is written: a line that is only counted (most of a flood) then costs no
     * masking or formatting. {@code String.valueOf} of what {@code text} gives.
     */
    public static Object lazily(Supplier<?> text) {
        Objects.requireNonNull(text, "text");
        return new Object() {
            @Override
            public String toString() {
                return String.valueOf(text.get());
            }
        };
    }

    private static Object[] withCount(Object[] arguments, long count) {
        Object[] with = Arrays.copyOf(arguments, arguments.length + 1);
        with[arguments.length] = count;
        return with;
    }

    /**
     * A kind's lines: the window since its last line, and what was only counted in it (also {@link
     * RepeatedLinesFilter}'s, by logger and message).
     */
    static final class Kind {

        /** Null until the kind's first line; never null again. */
        private final AtomicReference<Window> window = new AtomicReference<>();

        /**
         * How many the window before this one counted, when this one opens a window (its line is logged); else -1
         * (counted in the window that is open). One that loses the race to open a window is counted in the winner's.
         */
        long pass(long now, long quiet) {
            Window open = window.get();
            if (open != null && now - open.start() < quiet) {
                open.skipped().increment();
                return -1;
            }
            if (window.compareAndSet(open, new Window(now))) {
                return open == null ? 0 : open.skipped().sum();
            }
            window.get().skipped().increment();
            return -1;
        }

        long skipped() {
            Window open = window.get();
            return open == null ? 0 : open.skipped().sum();
        }
    }

    private record Window(long start, LongAdder skipped) {

        Window(long start) {
            this(start, new LongAdder());
        }
    }
}
