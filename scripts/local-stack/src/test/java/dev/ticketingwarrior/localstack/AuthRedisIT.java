package dev.ticketingwarrior.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** The Redis that asks for a user and password serves that user with the services' access string, and nobody else. */
class AuthRedisIT {

    private static final String USER = "ticketing";
    private static final String PASSWORD = "it0Valkey0Password0Of0Letters0And0Digits";

    static AuthRedis redis;
    static RedissonClient signedIn;

    @BeforeAll
    static void start() {
        redis = AuthRedis.start(Path.of("target", "auth-redis-it").toAbsolutePath(), USER, PASSWORD);
        signedIn = Redisson.create(config(USER, PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (signedIn != null) {
            signedIn.shutdown();
        }
        redis.close();
    }

    @Test
    void refusesAClientThatDoesNotSignIn() {
        assertThat(redis.pingWithoutSigningIn()).startsWith("-NOAUTH");
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> Redisson.create(config(USER, PASSWORD + "x")).shutdown())
                .hasStackTraceContaining("WRONGPASS");
    }

    @Test
    void letsTheUserRunLuaAndInfo() {
        Object counted = signedIn.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        "return redis.call('INCR', KEYS[1])",
                        RScript.ReturnType.LONG,
                        List.of("auth-redis-it:counter"));
        String info = signedIn.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_ONLY, "return redis.call('INFO', 'server')", RScript.ReturnType.STRING);

        assertThat(counted).isEqualTo(1L);
        assertThat(info).contains("redis_version");
    }

    @Test
    void refusesTheUserEveryDangerousCommand() {
        assertThatThrownBy(() -> signedIn.getKeys().flushall()).hasStackTraceContaining("NOPERM");
        assertThatThrownBy(() -> signedIn.getScript(StringCodec.INSTANCE)
                        .eval(RScript.Mode.READ_ONLY, "return redis.call('KEYS', '*')", RScript.ReturnType.LIST))
                .hasStackTraceContaining("can't run this command");
    }

    private static Config config(String user, String password) {
        Config config = new Config();
        config.setUsername(user);
        config.setPassword(password);
        config.useSingleServer()
                .setAddress(redis.url())
                .setTimeout(2000)
                .setConnectTimeout(2000)
                .setRetryAttempts(0);
        return config;
    }
}
