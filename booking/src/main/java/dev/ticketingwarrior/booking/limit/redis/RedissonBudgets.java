package dev.ticketingwarrior.booking.limit.redis;

import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitScripts;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * {@link Budgets} as the edge's fixed-window script run with Redisson's {@link RScript} (EVALSHA, loaded on first
 * use). Calls go through the Redis circuit breaker: while Redis is known to be down they fail at once, so a caller that
 * lets requests through then adds no wait of its own.
 */
@Component
class RedissonBudgets implements Budgets {

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedissonBudgets(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public LimitDecision spend(String key, Budget budget) {
        return window(key, budget, true);
    }

    @Override
    public LimitDecision look(String key, Budget budget) {
        return window(key, budget, false);
    }

    private LimitDecision window(String key, Budget budget, boolean spend) {
        List<String> args = LimitScripts.windowArgs(budget, spend);
        List<Object> reply = dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        LimitScripts.FIXED_WINDOW,
                        RScript.ReturnType.LIST,
                        List.of(key),
                        args.toArray()));
        return LimitScripts.decide(reply, budget, spend);
    }
}
