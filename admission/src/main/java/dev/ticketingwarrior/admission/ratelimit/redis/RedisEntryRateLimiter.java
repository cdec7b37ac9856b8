package dev.ticketingwarrior.admission.ratelimit.redis;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.ratelimit.domain.EntryRateLimiter;
import dev.ticketingwarrior.admission.ratelimit.domain.RateDecision;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.redis.RedisBudgets;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A fixed window per client, spent through the edge's budgets (one script: INCRBY and PEXPIRE together, so the counter
 * can never be left without expiry). The window is timed by Redis, which every instance shares.
 */
@Component
final class RedisEntryRateLimiter implements EntryRateLimiter {

    private static final RateDecision ALLOWED = new RateDecision.Allowed();

    private final RedisBudgets budgets;
    private final Budget budget;

    RedisEntryRateLimiter(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        // bounded like every other Redis call of admission, not by the lighter limits' timeout: entry fails closed
        this.budgets = new RedisBudgets(redis, properties.admission().redisTimeout());
        this.budget = new Budget(
                properties.rateLimit().entries(), properties.rateLimit().window());
    }

    @Override
    public Mono<RateDecision> tryAcquire(String client) {
        // the hash tag keeps a client's counter in one slot; the address itself is the tag
        return budgets.spend("admission:entries:{" + client + "}", budget)
                .map(decision -> switch (decision) {
                    case LimitDecision.Allowed allowed -> ALLOWED;
                    case LimitDecision.Limited limited -> new RateDecision.Limited(limited.retryAfter());
                })
                // queue entry stays closed while its limit cannot be counted: a flood must not get in unmetered
                .onErrorMap(e -> new DependencyUnavailableException("rate limit store", e));
    }
}
