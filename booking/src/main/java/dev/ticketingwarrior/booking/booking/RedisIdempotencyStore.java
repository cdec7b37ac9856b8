package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.resilience.Dependencies;
import dev.ticketingwarrior.booking.store.RoundKeys;
import dev.ticketingwarrior.shared.round.RoundId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency entries as JSON strings under the round's tag, keyed by a digest of the client's key. */
@Component
class RedisIdempotencyStore implements IdempotencyStore {

    private final RedissonClient redis;
    private final Dependencies dependencies;
    private final JsonMapper json;

    RedisIdempotencyStore(RedissonClient redis, Dependencies dependencies, JsonMapper json) {
        this.redis = redis;
        this.dependencies = dependencies;
        this.json = json;
    }

    @Override
    public Optional<Entry> claim(RoundId round, String ticketId, String key, Entry inProgress, Duration ttl) {
        RBucket<String> bucket = bucket(round, ticketId, key);
        String body = json.writeValueAsString(inProgress);
        return dependencies.redis(() -> {
            if (bucket.setIfAbsent(body, ttl)) {
                return Optional.<Entry>empty();
            }
            String existing = bucket.get();
            // the marker expired between the two calls: treat as claimed by us on the next try
            return existing == null ? Optional.of(inProgress) : Optional.of(json.readValue(existing, Entry.class));
        });
    }

    @Override
    public void complete(RoundId round, String ticketId, String key, Entry answer, Duration ttl) {
        String body = json.writeValueAsString(answer);
        dependencies.redis(() -> bucket(round, ticketId, key).set(body, ttl));
    }

    @Override
    public void forget(RoundId round, String ticketId, String key) {
        dependencies.redis(() -> {
            bucket(round, ticketId, key).delete();
        });
    }

    private RBucket<String> bucket(RoundId round, String ticketId, String key) {
        return redis.getBucket(new RoundKeys(round).idempotency(ticketId, digest(key)), StringCodec.INSTANCE);
    }

    private static String digest(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
