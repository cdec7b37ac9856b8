package dev.ticketingwarrior.botrunner.control.redis;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.control.domain.BotSettingsStore;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The shared settings as one Redis hash, written whole in one HSET so no instance ever reads half a change. */
@Component
class RedisBotSettingsStore implements BotSettingsStore {

    private static final Logger log = LoggerFactory.getLogger(RedisBotSettingsStore.class);
    private static final List<Object> FIELDS = List.of("enabled", "perRound", "difficulty", "cancelProbability");

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final Duration timeout;

    RedisBotSettingsStore(ReactiveStringRedisTemplate redis, BotRunnerProperties properties) {
        this.redis = redis;
        this.key = properties.bots().namespace() + ":settings";
        this.timeout = properties.bots().redisTimeout();
    }

    @Override
    public Mono<Optional<BotSettings>> load() {
        return redis.<Object, Object>opsForHash()
                .multiGet(key, FIELDS)
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException("bot settings store", e))
                .map(this::parse);
    }

    private Optional<BotSettings> parse(List<Object> values) {
        if (values.stream().anyMatch(value -> value == null)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BotSettings(
                    Boolean.parseBoolean(values.get(0).toString()),
                    Integer.parseInt(values.get(1).toString()),
                    Difficulty.valueOf(values.get(2).toString()),
                    Double.parseDouble(values.get(3).toString())));
        } catch (IllegalArgumentException e) {
            log.warn("ignoring unreadable bot settings in {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Mono<Void> save(BotSettings settings) {
        Map<String, String> values = Map.of(
                "enabled", Boolean.toString(settings.enabled()),
                "perRound", Integer.toString(settings.perRound()),
                "difficulty", settings.difficulty().name(),
                "cancelProbability", Double.toString(settings.cancelProbability()));
        return redis.<String, String>opsForHash()
                .putAll(key, values)
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException("bot settings store", e))
                .then();
    }
}
