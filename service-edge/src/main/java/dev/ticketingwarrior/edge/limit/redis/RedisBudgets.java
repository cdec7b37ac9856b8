package dev.ticketingwarrior.edge.limit.redis;

import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitScripts;
import dev.ticketingwarrior.edge.limit.ReactiveBudgets;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/** {@link ReactiveBudgets} as Lua scripts on a {@link ReactiveStringRedisTemplate}; every call bounded by a timeout. */
public final class RedisBudgets implements ReactiveBudgets {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> WINDOW = RedisScript.of(LimitScripts.FIXED_WINDOW, List.class);

    private static final RedisScript<Long> TAKE = RedisScript.of(LimitScripts.SLOT_TAKE, Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(LimitScripts.SLOT_RELEASE, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;

    public RedisBudgets(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public Mono<LimitDecision> spend(String key, Budget budget) {
        return window(key, budget, true);
    }

    @Override
    public Mono<LimitDecision> look(String key, Budget budget) {
        return window(key, budget, false);
    }

    private Mono<LimitDecision> window(String key, Budget budget, boolean spend) {
        return redis.execute(WINDOW, List.of(key), LimitScripts.windowArgs(budget, spend))
                .next()
                .map(reply -> LimitScripts.decide(reply, budget, spend))
                .timeout(timeout);
    }

    @Override
    public Mono<Boolean> takeSlot(String key, int slots, Duration ttl) {
        return redis.execute(TAKE, List.of(key), List.of(Integer.toString(slots), Long.toString(ttl.toMillis())))
                .next()
                .map(taken -> taken == 1L)
                .timeout(timeout);
    }

    @Override
    public Mono<Void> releaseSlot(String key) {
        return redis.execute(RELEASE, List.of(key), List.of()).then().timeout(timeout);
    }
}
