package dev.ticketingwarrior.botrunner.fleet.redis;

import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.botrunner.fleet.domain.FleetMembership;
import dev.ticketingwarrior.edge.lua.LuaScripts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The live instances as a sorted set scored by their last heartbeat: entries older than the member TTL are pruned on
 * every heartbeat, and the whole set expires when nobody heartbeats any more.
 */
@Component
class RedisFleetMembership implements FleetMembership {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> HEARTBEAT =
            RedisScript.of(LuaScripts.read("/scripts/fleet/heartbeat.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final String key;
    private final Duration ttl;
    private final Duration timeout;

    RedisFleetMembership(ReactiveStringRedisTemplate redis, Clock clock, BotRunnerProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.key = properties.bots().namespace() + ":members";
        this.ttl = properties.bots().memberTtl();
        this.timeout = properties.bots().redisTimeout();
    }

    @Override
    public Mono<List<String>> heartbeat(String instanceId) {
        List<String> args = List.of(Long.toString(clock.millis()), Long.toString(ttl.toMillis()), instanceId);
        return redis.execute(HEARTBEAT, List.of(key), args)
                .next()
                .timeout(timeout)
                .map(reply -> reply.stream().map(Object::toString).sorted().toList());
    }

    @Override
    public Mono<Void> leave(String instanceId) {
        return redis.opsForZSet().remove(key, instanceId).timeout(timeout).then();
    }
}
