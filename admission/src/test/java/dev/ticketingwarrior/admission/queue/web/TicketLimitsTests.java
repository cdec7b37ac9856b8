package dev.ticketingwarrior.admission.queue.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LocalFirstBudgets;
import dev.ticketingwarrior.edge.limit.ReactiveBudgets;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.core.publisher.Mono;

/** The stream slots of a ticket and an address, on budgets that count like slot-take.lua and slot-release.lua. */
class TicketLimitsTests {

    private static final RoundId ROUND = RoundId.parse("20310101T000000Z").orElseThrow();
    private static final TicketId TICKET = new TicketId(ROUND, "20310101T000000Z-7-" + "0".repeat(24));

    private final SlotCounters counters = new SlotCounters();
    private final TicketLimits limits =
            new TicketLimits(counters, new LocalFirstBudgets(counters, Clock.systemUTC(), 0.5, 1 << 4), properties());

    @Test
    void aStreamGivesBackTheSlotsItTook() {
        List<String> taken = limits.openStream("10.0.0.1", false, TICKET).block();

        assertThat(counters.used).containsOnlyKeys(taken);
        limits.release(taken).block();
        assertThat(counters.used).isEmpty();
    }

    /** Valkey ran the takes but their answers came too late: the stream went through, and gives the slots back. */
    @Test
    void aSlotWhoseTakeDidNotAnswerInTimeIsGivenBackWhenTheStreamEnds() {
        counters.answersLost = true;

        List<String> taken = limits.openStream("10.0.0.1", false, TICKET).block();

        assertThat(counters.used).as("counted all the same").hasSize(2);
        limits.release(taken).block();
        assertThat(counters.used).isEmpty();
    }

    private static AdmissionProperties properties() {
        Map<String, String> limits = Map.of(
                "ticketing.limits.polls-per-client.limit", "10",
                "ticketing.limits.polls-per-client.window", "1s",
                "ticketing.limits.polls-per-ticket.limit", "10",
                "ticketing.limits.polls-per-ticket.window", "1s",
                "ticketing.limits.streams-per-client", "50",
                "ticketing.limits.streams-per-ticket", "3");
        return new Binder(new MapConfigurationPropertySource(limits))
                .bind("ticketing", AdmissionProperties.class)
                .get();
    }

    /** Slot counters in memory; with {@link #answersLost} a take counts and then fails, as a timed-out one does. */
    private static final class SlotCounters implements ReactiveBudgets {

        final Map<String, Integer> used = new ConcurrentHashMap<>();
        volatile boolean answersLost;

        @Override
        public Mono<LimitDecision> spend(String key, Budget budget) {
            return Mono.just(LimitDecision.ALLOWED);
        }

        @Override
        public Mono<LimitDecision> look(String key, Budget budget) {
            return Mono.just(LimitDecision.ALLOWED);
        }

        @Override
        public Mono<Boolean> takeSlot(String key, int slots, Duration ttl) {
            if (used.getOrDefault(key, 0) >= slots) {
                return Mono.just(false);
            }
            used.merge(key, 1, Integer::sum);
            return answersLost ? Mono.error(new TimeoutException("no answer in 500 ms")) : Mono.just(true);
        }

        @Override
        public Mono<Void> releaseSlot(String key) {
            used.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
            return Mono.empty();
        }
    }
}
