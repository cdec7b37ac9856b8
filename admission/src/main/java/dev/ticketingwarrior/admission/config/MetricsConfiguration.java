package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import dev.ticketingwarrior.admission.queue.web.StreamCapacity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

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

    /**
     * The event streams this instance holds, as its {@link StreamCapacity} counts them: the very number compared with
     * {@code ADMISSION_MAX_STREAMS} (at it, a new stream gets 503), so ops see how near the instance is to refusing.
     */
    @Bean
    MeterBinder liveStreamsMeter(ObjectProvider<StreamCapacity> capacity) {
        return registry ->
                capacity.ifAvailable(streams -> Gauge.builder("ticketing.queue.streams", streams, StreamCapacity::open)
                        .description("Event streams this instance holds, counted against ADMISSION_MAX_STREAMS"
                                + " (at it, new ones get 503)")
                        .register(registry));
    }

    /**
     * No {@code http.server.requests} observation of a live event stream: it is not a request to time (it lasts until
     * its player is admitted, and would skew the timer by minutes), and each observation would keep its context's maps
     * for the stream's whole life.
     */
    @Bean
    ObservationPredicate noObservationOfEventStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier().getPath().value().endsWith("/events"));
    }
}
