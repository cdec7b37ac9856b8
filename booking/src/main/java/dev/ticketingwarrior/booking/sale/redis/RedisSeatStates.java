package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.seat.domain.SeatStates;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/** Reads a round's sold and held hashes in one round trip (two HGETALLs in a batch). */
@Component
class RedisSeatStates implements SeatStates {

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisSeatStates(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public Snapshot snapshot(RoundId round) {
        RoundKeys keys = new RoundKeys(round);
        return dependencies.redis(() -> {
            RBatch batch = redis.createBatch();
            batch.<String, String>getMap(keys.soldSeats(), StringCodec.INSTANCE).readAllMapAsync();
            batch.<String, String>getMap(keys.heldSeats(), StringCodec.INSTANCE).readAllMapAsync();
            BatchResult<?> result = batch.execute();
            @SuppressWarnings("unchecked")
            Map<String, String> sold =
                    (Map<String, String>) result.getResponses().get(0);
            @SuppressWarnings("unchecked")
            Map<String, String> held =
                    (Map<String, String>) result.getResponses().get(1);
            Map<String, Instant> heldUntil = new HashMap<>();
            held.forEach((seat, value) -> {
                int bar = value.lastIndexOf('|');
                if (bar > 0) {
                    heldUntil.put(seat, Instant.ofEpochMilli(Long.parseLong(value.substring(bar + 1))));
                }
            });
            return new Snapshot(Set.copyOf(sold.keySet()), heldUntil);
        });
    }
}
