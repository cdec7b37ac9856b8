package dev.ticketingwarrior.edge.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A third-party logger's flood, on a logging context of its own, with a stepped clock. */
class RepeatedLinesFilterTests {

    private final AtomicLong nanos = new AtomicLong();
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();

    @BeforeEach
    void quietThePool() {
        RepeatedLinesFilter filter = new RepeatedLinesFilter(Duration.ofSeconds(10), nanos::get);
        filter.quiet(List.of("pool"));
        filter.start();
        context.addTurboFilter(filter);
        written.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(written);
    }

    @Test
    void writesTheFirstLineOfAPatternAndDropsTheRestForTheQuietTime() {
        Logger pool = context.getLogger("pool");
        for (int i = 0; i < 15; i++) {
            pool.warn("Failed to validate connection {}", "connection-" + i, new IllegalStateException("closed"));
        }
        pool.error("Error polling for messages in queue {}.", "q");
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        pool.warn("Failed to validate connection {}", "connection-15");

        assertThat(written.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "Failed to validate connection connection-0",
                        "Error polling for messages in queue q.",
                        "Failed to validate connection connection-15");
    }

    @Test
    void leavesOtherLoggersAndLowerLevelsAlone() {
        Logger pool = context.getLogger("pool");
        Logger other = context.getLogger("other");
        for (int i = 0; i < 3; i++) {
            other.warn("Failed to validate connection {}", i);
            pool.info("pool stats {}", i);
        }

        assertThat(written.list)
                .extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO, Level.WARN, Level.INFO);
    }
}
