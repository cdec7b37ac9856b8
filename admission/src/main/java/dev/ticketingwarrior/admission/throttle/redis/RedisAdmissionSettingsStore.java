package dev.ticketingwarrior.admission.throttle.redis;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettingsStore;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The global settings as one Redis hash (not round-scoped: they seed every new round). */
@Component
final class RedisAdmissionSettingsStore implements AdmissionSettingsStore {

    private static final List<Object> FIELDS = List.of("ratePerSecond", "openBatch", "maxActive", "paused");

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final Duration timeout;

    RedisAdmissionSettingsStore(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        this.redis = redis;
        this.key = properties.admission().settingsKey();
        this.timeout = properties.admission().redisTimeout();
    }

    @Override
    public Mono<Optional<AdmissionSettings>> load() {
        return redis.<Object, Object>opsForHash()
                .multiGet(key, FIELDS)
                .map(values -> values.stream().anyMatch(value -> value == null)
                        ? Optional.<AdmissionSettings>empty()
                        : Optional.of(new AdmissionSettings(
                                Double.parseDouble(values.get(0).toString()),
                                Integer.parseInt(values.get(1).toString()),
                                Integer.parseInt(values.get(2).toString()),
                                Boolean.parseBoolean(values.get(3).toString()))))
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException("settings store", e));
    }

    @Override
    public Mono<Void> save(AdmissionSettings settings) {
        Map<String, String> values = Map.of(
                "ratePerSecond", Double.toString(settings.ratePerSecond()),
                "openBatch", Integer.toString(settings.openBatch()),
                "maxActive", Integer.toString(settings.maxActive()),
                "paused", Boolean.toString(settings.paused()));
        return redis.<String, String>opsForHash()
                .putAll(key, values)
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException("settings store", e))
                .then();
    }
}
