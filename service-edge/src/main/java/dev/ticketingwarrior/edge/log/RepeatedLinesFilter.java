package dev.ticketingwarrior.edge.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * For third-party loggers that write a WARN or ERROR line, stack trace and all, for every failed attempt while a
 * dependency is down (a connection pool validating each dead connection; a queue listener's every failed poll): of
 * the lines one such logger writes with one message pattern, the first is written and the others within the quiet
 * time ({@link RepeatedWarnings#QUIET}) are dropped. The service's own lines say that the dependency is down, how
 * often it failed and when it is back ({@link RepeatedWarnings}, the circuit breakers). Only the loggers named are
 * looked at: another logger's WARN costs one set look-up.
 */
public final class RepeatedLinesFilter extends TurboFilter {

    private final Set<String> loggers = ConcurrentHashMap.newKeySet();
    private final long quietNanos;
    private final LongSupplier nanoTime;
    /** By logger and message pattern: the window since its last line written. */
    private final ConcurrentMap<String, RepeatedWarnings.Kind> kinds = new ConcurrentHashMap<>();

    RepeatedLinesFilter(Duration quiet, LongSupplier nanoTime) {
        this.quietNanos = quiet.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Quiets {@code loggerNames} in the application's logging: one filter in the logging context, however many times
     * it is asked (an application context started again in a test, say), each call adding its loggers.
     */
    public static RepeatedLinesFilter install(Collection<String> loggerNames) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        synchronized (context) {
            RepeatedLinesFilter filter = context.getTurboFilterList().stream()
                    .filter(RepeatedLinesFilter.class::isInstance)
                    .map(RepeatedLinesFilter.class::cast)
                    .findFirst()
                    .orElseGet(() -> {
                        RepeatedLinesFilter added = new RepeatedLinesFilter(RepeatedWarnings.QUIET, System::nanoTime);
                        added.setName("repeated-lines");
                        added.start();
                        context.addTurboFilter(added);
                        return added;
                    });
            filter.loggers.addAll(loggerNames);
            return filter;
        }
    }

    void quiet(Collection<String> loggerNames) {
        loggers.addAll(loggerNames);
    }

    @Override
    public FilterReply decide(
            Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        // format is null when a logger is only asked whether a level is on
        if (format == null || !level.isGreaterOrEqual(Level.WARN) || !loggers.contains(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        long written = kinds.computeIfAbsent(logger.getName() + '\n' + format, key -> new RepeatedWarnings.Kind())
                .pass(nanoTime.getAsLong(), quietNanos);
        return written >= 0 ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
