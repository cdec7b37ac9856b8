package dev.ticketingwarrior.botrunner.control.redis;

import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.botrunner.control.domain.BotStatsStore;
import dev.ticketingwarrior.botrunner.control.domain.RoundBotStats;
import dev.ticketingwarrior.botrunner.control.domain.StatField;
import dev.ticketingwarrior.edge.lua.LuaScripts;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Per-round counters as one hash per round ({@code {r:<round>}:<ns>:stats}), expiring with the round's other keys. */
@Component
class RedisBotStatsStore implements BotStatsStore {

    private static final RedisScript<Long> ADD =
            RedisScript.of(LuaScripts.read("/scripts/control/add-stats.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String namespace;
    private final String retentionMillis;
    private final Duration timeout;

    RedisBotStatsStore(ReactiveStringRedisTemplate redis, BotRunnerProperties properties) {
        this.redis = redis;
        this.namespace = properties.bots().namespace();
        this.retentionMillis = Long.toString(properties.bots().keyRetention().toMillis());
        this.timeout = properties.bots().redisTimeout();
    }

    @Override
    public Mono<Void> add(RoundId round, Map<StatField, Long> increments) {
        if (increments.isEmpty()) {
            return Mono.empty();
        }
        List<String> args = new ArrayList<>(1 + 2 * increments.size());
        args.add(retentionMillis);
        increments.forEach((field, increment) -> {
            args.add(field.key());
            args.add(Long.toString(increment));
        });
        return redis.execute(ADD, List.of(key(round)), args).timeout(timeout).then();
    }

    @Override
    public Mono<RoundBotStats> read(RoundId round) {
        return redis.<String, String>opsForHash()
                .entries(key(round))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException("bot statistics store", e))
                .map(values -> {
                    Map<StatField, Long> counts = new EnumMap<>(StatField.class);
                    for (StatField field : StatField.values()) {
                        String value = values.get(field.key());
                        if (value != null) {
                            counts.put(field, Long.parseLong(value));
                        }
                    }
                    return RoundBotStats.of(round, counts);
                });
    }

    private String key(RoundId round) {
        return round.hashTag() + ":" + namespace + ":stats";
    }
}
