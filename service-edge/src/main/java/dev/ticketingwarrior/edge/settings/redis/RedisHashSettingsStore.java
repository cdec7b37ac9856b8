package dev.ticketingwarrior.edge.settings.redis;

import dev.ticketingwarrior.edge.lua.LuaScripts;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A settings record as one Redis hash, one field per record component holding its value as text ({@code 50.0},
 * {@code true}, {@code NORMAL}). Written whole in one HSET, so no instance ever reads half a change; read with one
 * HMGET of the record's components. A hash with a field missing or unreadable (an old or hand-edited one) reads as no
 * settings, so the defaults apply instead of failing every refresh. A {@link #swap} is one Lua script
 * ({@code scripts/edge/settings/swap.lua}): the read of what it replaces, the comparison and the write.
 */
public final class RedisHashSettingsStore<T extends Record> implements SettingsStore<T> {

    private static final Logger log = LoggerFactory.getLogger(RedisHashSettingsStore.class);

    /** Text to component types and back; lenient where the application's HTTP mapper is strict. */
    private static final JsonMapper FIELDS = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {};

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SWAP =
            RedisScript.of(LuaScripts.read("/scripts/edge/settings/swap.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final Class<T> type;
    private final List<Object> names;
    private final Duration timeout;
    private final String name;

    /** {@code name}: what a 503 calls the store when Redis does not answer within {@code timeout}. */
    public RedisHashSettingsStore(
            ReactiveStringRedisTemplate redis, String key, Class<T> type, Duration timeout, String name) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.names = Arrays.stream(type.getRecordComponents())
                .map(component -> (Object) component.getName())
                .toList();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public Mono<Optional<T>> load() {
        return redis.<Object, Object>opsForHash()
                .multiGet(key, names)
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException(name, e))
                .map(this::read);
    }

    @Override
    public Mono<Void> save(T settings) {
        return redis.<String, String>opsForHash()
                .putAll(key, fields(settings))
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException(name, e))
                .then();
    }

    @Override
    public Mono<Swap<T>> swap(T settings, Optional<T> expected) {
        String condition = expected.isPresent() ? "1" : "0";
        return run(settings, condition, expected.map(e -> List.copyOf(fields(e).values())))
                .flatMap(reply -> {
                    Optional<T> held = read(reply.held());
                    if (!reply.written() && expected.isPresent() && held.equals(expected)) {
                        // the same settings held as other text ("50" for 50.0, edited by hand): what was expected
                        List<String> asHeld =
                                reply.held().stream().map(String::valueOf).toList();
                        return run(settings, "1", Optional.of(asHeld))
                                .map(again -> new Swap<>(again.written(), read(again.held())));
                    }
                    return Mono.just(new Swap<>(reply.written(), held));
                });
    }

    @Override
    public Mono<Swap<T>> swapIfEmpty(T settings) {
        return run(settings, "2", Optional.empty()).map(reply -> new Swap<>(reply.written(), read(reply.held())));
    }

    /** The script's answer: whether it wrote, and the text each field held (null where missing). */
    private record Reply(boolean written, List<Object> held) {}

    private Mono<Reply> run(T settings, String condition, Optional<List<String>> expected) {
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(names.size()));
        args.add(condition);
        names.forEach(field -> args.add(field.toString()));
        args.addAll(fields(settings).values());
        expected.ifPresent(args::addAll);
        return redis.execute(SWAP, List.of(key), args)
                .next()
                .timeout(timeout)
                .onErrorMap(e -> new DependencyUnavailableException(name, e))
                .map(reply -> new Reply(
                        ((Number) reply.get(0)).longValue() == 1,
                        new ArrayList<Object>(reply.subList(1, reply.size()))));
    }

    /** The record's components in their order, each as the text the hash holds. */
    private Map<String, String> fields(T settings) {
        Map<String, Object> values = FIELDS.convertValue(settings, AS_MAP);
        Map<String, String> fields = new LinkedHashMap<>();
        names.forEach(field -> fields.put(field.toString(), String.valueOf(values.get(field.toString()))));
        return fields;
    }

    private Optional<T> read(List<Object> values) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i) == null) {
                return Optional.empty();
            }
            fields.put(names.get(i).toString(), values.get(i));
        }
        try {
            return Optional.of(FIELDS.convertValue(fields, type));
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("ignoring unreadable {} in {}: {}", name, key, e.getMessage());
            return Optional.empty();
        }
    }
}
