package dev.ticketingwarrior.admission.ratelimit.redis;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.ratelimit.domain.EntryRateLimiter;
import dev.ticketingwarrior.admission.ratelimit.domain.RateDecision;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.LimitScripts;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A fixed window per client: the edge's fixed-window script (INCRBY and PEXPIRE together, so the counter can never be
 * left without expiry). The window is timed by Redis, which every instance shares.
 */
@Component
final class RedisEntryRateLimiter implements EntryRateLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(LimitScripts.FIXED_WINDOW, List.class);

    private static final RateDecision ALLOWED = new RateDecision.Allowed();

    private final ReactiveStringRedisTemplate redis;
    private final int limit;
    private final List<String> args;
    private final Duration timeout;

    RedisEntryRateLimiter(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        this.redis = redis;
        this.limit = properties.rateLimit().entries();
        this.args =
                LimitScripts.windowArgs(new Budget(limit, properties.rateLimit().window()), true);
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
                // queue entry stays closed while its limit cannot be counted: a flood must not get in unmetered
                .onErrorMap(e -> new DependencyUnavailableException("rate limit store", e));
    }
}
