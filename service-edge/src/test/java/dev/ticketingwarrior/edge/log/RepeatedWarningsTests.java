package dev.ticketingwarrior.edge.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.ticketingwarrior.edge.testing.LogLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepeatedWarningsTests {

    private static final String LOGGER = "repeated-warnings-tests";

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RepeatedWarnings warnings =
            new RepeatedWarnings(LoggerFactory.getLogger(LOGGER), Duration.ofSeconds(10), nanos::get);

    @Test
    void logsTheFirstOfAKindAndCountsTheRestUntilItsQuietTimeHasPassed() {
        try (LogLines logged = LogLines.of(LOGGER)) {
            warnings.warn("store", "store unavailable on {}: {}", "/a", "timeout");
            for (int i = 0; i < 41; i++) {
                nanos.addAndGet(Duration.ofMillis(200).toNanos());
                warnings.warn("store", "store unavailable on {}: {}", "/b" + i, "timeout");
            }
            nanos.addAndGet(Duration.ofMillis(1_800).toNanos()); // 10 s after the first line
            warnings.warn("store", "store unavailable on {}: {}", "/c", "refused");
            warnings.warn("store", "store unavailable on {}: {}", "/d", "refused");
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            warnings.warn("store", "store unavailable on {}: {}", "/e", "refused");

            assertThat(messages(logged))
                    .containsExactly(
                            "store unavailable on /a: timeout",
                            "store unavailable on /c: refused (and 41 more like it since the last such line)",
                            "store unavailable on /e: refused (and 1 more like it since the last such line)");
        }
    }

    @Test
    void saysWhenAFailureIsOverWithTheCountNotYetSaidAndLogsTheNextOneAtOnce() {
        try (LogLines logged = LogLines.of(LOGGER)) {
            warnings.cleared("store", "store answers again");
            warnings.warn("store", "store down");
            warnings.warn("store", "store down");
            warnings.warn("store", "store down");
            warnings.cleared("store", "store answers again");
            warnings.cleared("store", "store answers again");
            warnings.warn("store", "store down");

            assertThat(messages(logged))
                    .as("nothing to clear before a failure, once after it")
                    .containsExactly(
                            "store down",
                            "store answers again (2 more failed after the last line about it)",
                            "store down");
        }
    }

    @Test
    void keepsEachKindApart() {
        try (LogLines logged = LogLines.of(LOGGER)) {
            warnings.warn("store", "store down");
            warnings.warn("queue", "queue down");
            warnings.warn("store", "store down");

            assertThat(messages(logged)).containsExactly("store down", "queue down");
        }
    }

    /** Repeated: the threads race to open the first window, and a loser must be counted after the first line. */
    @RepeatedTest(10)
    void logsOneLineForAFloodFromManyThreadsAndCountsEveryOtherOne() throws InterruptedException {
        try (LogLines logged = LogLines.of(LOGGER)) {
            int threads = 8;
            int each = 5_000;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> flood = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                flood.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        warnings.warn("store", "store down");
                    }
                }));
            }
            start.countDown();
            for (Thread thread : flood) {
                thread.join();
            }
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            warnings.warn("store", "store down");

            assertThat(messages(logged))
                    .containsExactly(
                            "store down",
                            "store down (and " + (threads * each - 1) + " more like it since the last such line)");
        }
    }

    private static List<String> messages(LogLines logged) {
        return logged.lines().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
