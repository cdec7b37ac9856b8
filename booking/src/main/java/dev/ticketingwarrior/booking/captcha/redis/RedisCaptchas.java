package dev.ticketingwarrior.booking.captcha.redis;

import dev.ticketingwarrior.booking.captcha.domain.Captchas;
import dev.ticketingwarrior.booking.captcha.domain.LetterAnswer;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.edge.lua.LuaScripts;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RMapAsync;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Letters as short-lived Redis hashes, answered in one script that uses the letter up and marks a right answer's
 * ticket in the round's SET of solved tickets ({@code scripts/captcha/answer-letter.lua}).
 */
@Component
class RedisCaptchas implements Captchas {

    /** {@code /scripts/captcha/answer-letter.lua}, documented there with its KEYS and ARGV, and what it prepends. */
    private static final String ANSWER = LuaScripts.read(
            "/scripts/round/released.lua", "/scripts/player/sign-of-life.lua", "/scripts/captcha/answer-letter.lua");

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
    public LetterAnswer answer(
            RoundId round, String captchaId, String ticketId, String answer, Instant at, Duration retention) {
        CaptchaKeys keys = new CaptchaKeys(round);
        String result = dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        ANSWER,
                        RScript.ReturnType.VALUE,
                        List.of(
                                keys.captcha(captchaId),
                                keys.captchaSolved(),
                                SharedRoundKeys.activePlayers(round),
                                SharedRoundKeys.abandonedPlayers(round),
                                SharedRoundKeys.serving(round),
                                SharedRoundKeys.finishedPlayers(round)),
                        ticketId,
                        answer,
                        String.valueOf(retention.toMillis()),
                        String.valueOf(at.toEpochMilli())));
        return LetterAnswer.valueOf(result);
    }

    @Override
    public boolean isSolved(RoundId round, String ticketId) {
        return dependencies.redis(
                () -> redis.<String>getSet(new CaptchaKeys(round).captchaSolved(), StringCodec.INSTANCE)
                        .contains(ticketId));
    }

    @Override
    public Optional<Issued> find(RoundId round, String captchaId) {
        Map<String, String> letter = dependencies.redis(
                () -> redis.<String, String>getMap(new CaptchaKeys(round).captcha(captchaId), StringCodec.INSTANCE)
                        .getAll(Set.of("answer", "ticket")));
        String answer = letter.get("answer");
        String ticket = letter.get("ticket");
        return answer == null || ticket == null ? Optional.empty() : Optional.of(new Issued(answer, ticket));
    }

    /**
     * A write and its expiry in one MULTI/EXEC, so a client timeout cannot fall between them and leave a key without a
     * TTL: both apply or neither does.
     */
    private RBatch atomically() {
        return redis.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.REDIS_WRITE_ATOMIC));
    }
}
