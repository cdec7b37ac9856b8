package dev.ticketingwarrior.botrunner.fleet.redis;

import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.botrunner.fleet.domain.LaunchSlots;
import dev.ticketingwarrior.botrunner.fleet.domain.SlotClaim;
import dev.ticketingwarrior.edge.lua.LuaScripts;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The per-round launch counter and its pinned cap, claimed by a Lua script (one atomic step on Valkey). */
@Component
class RedisLaunchSlots implements LaunchSlots {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM =
            RedisScript.of(LuaScripts.read("/scripts/fleet/claim-slots.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String namespace;
    private final Duration retention;
    private final Duration timeout;

    RedisLaunchSlots(ReactiveStringRedisTemplate redis, BotRunnerProperties properties) {
        this.redis = redis;
        this.namespace = properties.bots().namespace();
        this.retention = properties.bots().keyRetention();
        this.timeout = properties.bots().redisTimeout();
    }

    @Override
    public Mono<SlotClaim> claim(RoundId round, int wanted, int divisor, int perRound) {
        String prefix = round.hashTag() + ":" + namespace;
        List<String> keys = List.of(prefix + ":launched", prefix + ":cap");
        List<String> args = List.of(
                Integer.toString(wanted),
                Integer.toString(divisor),
                Integer.toString(perRound),
                Long.toString(retention.toMillis()));
        return redis.execute(CLAIM, keys, args).next().timeout(timeout).map(RedisLaunchSlots::toClaim);
    }

    private static SlotClaim toClaim(List<?> reply) {
        int granted = ((Number) reply.get(0)).intValue();
        long launched = ((Number) reply.get(1)).longValue();
        int cap = ((Number) reply.get(2)).intValue();
        return new SlotClaim(granted, launched - granted + 1, launched, cap);
    }
}
