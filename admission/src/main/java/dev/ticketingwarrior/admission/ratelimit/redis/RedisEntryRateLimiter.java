package dev.ticketingwarrior.admission.ratelimit.redis;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.ratelimit.domain.EntryRateLimiter;
import dev.ticketingwarrior.admission.ratelimit.domain.RateDecision;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A fixed window per client: INCR and PEXPIRE in one script, so the counter can never be left without expiry. The
 * window is timed by Redis, which every instance shares.
 */
@Component
final class RedisEntryRateLimiter implements EntryRateLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(read(), List.class);

    private static final RateDecision ALLOWED = new RateDecision.Allowed();

    private final ReactiveStringRedisTemplate redis;
    private final int limit;
    private final List<String> args;
    private final Duration timeout;

    RedisEntryRateLimiter(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        this.redis = redis;
        this.limit = properties.rateLimit().entries();
        this.args = List.of(Long.toString(properties.rateLimit().window().toMillis()));
        this.timeout = properties.admission().redisTimeout();
    }

    @Override
    public Mono<RateDecision> tryAcquire(String client) {
        // the hash tag keeps a client's counter in one slot; the address itself is the tag
        String key = "admission:entries:{" + client + "}";
        return redis.execute(SCRIPT, List.of(key), args)
                .next()
                .map(reply -> {
                    long count = ((Number) reply.get(0)).longValue();
                    long ttl = ((Number) reply.get(1)).longValue();
                    return count <= limit ? ALLOWED : new RateDecision.Limited(Duration.ofMillis(ttl));
                })
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException("rate limit store", e));
    }

    private static String read() {
        try (InputStream in = RedisEntryRateLimiter.class.getResourceAsStream("/scripts/rate-limit.lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script rate-limit.lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
