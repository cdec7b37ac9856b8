package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The waiting room's meters (SPEC §8), registered once so the hot path only increments. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    QueueMetrics queueMetrics(MeterRegistry registry) {
        Counter botsEntered = Counter.builder("ticketing.queue.entered")
                .description("Tickets issued by the waiting room")
                .tag("bot", "true")
                .register(registry);
        Counter humansEntered = Counter.builder("ticketing.queue.entered")
                .description("Tickets issued by the waiting room")
                .tag("bot", "false")
                .register(registry);
        Counter admitted = Counter.builder("ticketing.queue.admitted")
                .description("Tickets admitted by this instance's advances of the serving counter")
                .register(registry);
        AtomicLong waiting = new AtomicLong();
        Gauge.builder("ticketing.queue.waiting", waiting, AtomicLong::get)
                .description("Players waiting in the current round")
                .register(registry);
        return new QueueMetrics() {
            @Override
            public void entered(boolean bot) {
                (bot ? botsEntered : humansEntered).increment();
            }

            @Override
            public void admitted(long count) {
                if (count > 0) {
                    admitted.increment(count);
                }
            }

            @Override
            public void waiting(long count) {
                waiting.set(count);
            }
        };
    }
}
