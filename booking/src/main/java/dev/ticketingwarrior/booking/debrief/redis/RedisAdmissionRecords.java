package dev.ticketingwarrior.booking.debrief.redis;

import dev.ticketingwarrior.booking.debrief.domain.AdmissionRecords;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import dev.ticketingwarrior.shared.wire.WaitingTicket;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Admission's record of a round's tickets, read from the same Valkey by the names and format in {@code shared}
 * ({@link SharedRoundKeys}, {@link WaitingTicket}): one pipeline for the ticket and the counter, one more for the
 * entries of the last admitted numbers (to find the last admitted human). Booking never writes these keys.
 */
@Component
class RedisAdmissionRecords implements AdmissionRecords {

    /** How far below the last admitted number to look for a human; past that "admitted within" is not told. */
    private static final int HUMAN_LOOKBACK = 64;

    private static final Set<String> COUNTER = Set.of(
            SharedRoundKeys.SEAL_FIELD,
            SharedRoundKeys.SERVED_FIELD,
            SharedRoundKeys.ADVANCED_UNTIL_FIELD,
            SharedRoundKeys.ADMITTED_BOTS_FIELD);

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisAdmissionRecords(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public Optional<Record> ticket(RoundId round, long queueNumber) {
        BatchResult<?> result = dependencies.redis(() -> {
            RBatch batch = redis.createBatch();
            batch.<String, String>getMap(SharedRoundKeys.tickets(round), StringCodec.INSTANCE)
                    .getAsync(String.valueOf(queueNumber));
            batch.<String, String>getMap(SharedRoundKeys.serving(round), StringCodec.INSTANCE)
                    .getAllAsync(COUNTER);
            batch.<String, String>getMap(SharedRoundKeys.admissions(round), StringCodec.INSTANCE)
                    .getAsync(String.valueOf(queueNumber));
            return batch.execute();
        });
        List<?> replies = result.getResponses();
        Object stored = replies.get(0);
        @SuppressWarnings("unchecked")
        Map<String, String> counter = (Map<String, String>) replies.get(1);
        String seal = counter.get(SharedRoundKeys.SEAL_FIELD);
        if (stored == null || seal == null) {
            return Optional.empty();
        }
        long served = number(counter.get(SharedRoundKeys.SERVED_FIELD));
        return Optional.of(new Record(
                seal,
                WaitingTicket.parse(queueNumber, stored.toString()),
                Optional.ofNullable(replies.get(2)).map(at -> Instant.ofEpochMilli(Long.parseLong(at.toString()))),
                served,
                Instant.ofEpochMilli(number(counter.get(SharedRoundKeys.ADVANCED_UNTIL_FIELD))),
                number(counter.get(SharedRoundKeys.ADMITTED_BOTS_FIELD)),
                lastHumanEntry(round, served)));
    }

    /** When the highest admitted number that is a human's entered (numbers go in arrival order, so the latest). */
    private Optional<Instant> lastHumanEntry(RoundId round, long served) {
        if (served <= 0) {
            return Optional.empty();
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (long qn = served; qn > Math.max(0, served - HUMAN_LOOKBACK); qn--) {
            numbers.add(String.valueOf(qn));
        }
        Map<String, String> tickets = dependencies.redis(
                () -> redis.<String, String>getMap(SharedRoundKeys.tickets(round), StringCodec.INSTANCE)
                        .getAll(numbers));
        for (String qn : numbers) {
            String stored = tickets.get(qn);
            if (stored != null) {
                WaitingTicket ticket = WaitingTicket.parse(Long.parseLong(qn), stored);
                if (!ticket.bot()) {
                    return Optional.of(ticket.enteredAt());
                }
            }
        }
        return Optional.empty();
    }

    /** A counter field as admission's scripts write it (an integer), 0 before it is first written. */
    private static long number(String value) {
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }
}
