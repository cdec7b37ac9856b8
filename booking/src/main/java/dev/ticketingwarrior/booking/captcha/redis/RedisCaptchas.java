package dev.ticketingwarrior.booking.captcha.redis;

import dev.ticketingwarrior.booking.captcha.domain.Captchas;
import dev.ticketingwarrior.booking.config.Dependencies;
import dev.ticketingwarrior.edge.lua.LuaScripts;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RMapAsync;
import org.redisson.api.RScript;
import org.redisson.api.RSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Letters as short-lived Redis hashes, taken with an atomic read-and-delete ({@code scripts/captcha/take.lua}); solved
 * tickets in a round SET.
 */
@Component
class RedisCaptchas implements Captchas {

    /** {@code /scripts/captcha/take.lua}, documented there with its KEYS and ARGV. */
    private static final String TAKE = LuaScripts.read("/scripts/captcha/take.lua");

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisCaptchas(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public void store(RoundId round, String captchaId, Issued letter, Duration ttl) {
        dependencies.redis(() -> {
            RBatch write = atomically();
            RMapAsync<String, String> map =
                    write.getMap(new CaptchaKeys(round).captcha(captchaId), StringCodec.INSTANCE);
            map.putAllAsync(Map.of("answer", letter.answer(), "ticket", letter.ticketId()));
            map.expireAsync(ttl);
            write.execute();
        });
    }

    @Override
    public Optional<Issued> take(RoundId round, String captchaId) {
        List<Object> values = dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        TAKE,
                        RScript.ReturnType.LIST,
                        List.of(new CaptchaKeys(round).captcha(captchaId))));
        if (values == null || values.size() < 2 || values.get(0) == null || values.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new Issued(String.valueOf(values.get(0)), String.valueOf(values.get(1))));
    }

    @Override
    public void markSolved(RoundId round, String ticketId, Duration retention) {
        dependencies.redis(() -> {
            RBatch write = atomically();
            RSetAsync<String> solved = write.getSet(new CaptchaKeys(round).captchaSolved(), StringCodec.INSTANCE);
            solved.addAsync(ticketId);
            solved.expireAsync(retention);
            write.execute();
        });
    }

    @Override
    public boolean isSolved(RoundId round, String ticketId) {
        return dependencies.redis(
                () -> redis.<String>getSet(new CaptchaKeys(round).captchaSolved(), StringCodec.INSTANCE)
                        .contains(ticketId));
    }

    /**
     * A write and its expiry in one MULTI/EXEC, so a client timeout cannot fall between them and leave a key without a
     * TTL: both apply or neither does.
     */
    private RBatch atomically() {
        return redis.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.REDIS_WRITE_ATOMIC));
    }
}
