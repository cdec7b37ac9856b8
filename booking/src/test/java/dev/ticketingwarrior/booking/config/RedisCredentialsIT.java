package dev.ticketingwarrior.booking.config;

import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.localstack.AuthRedis;
import dev.ticketingwarrior.shared.round.Round;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Booking against a Redis that, like ElastiCache with its user group, serves only the services' user with its password
 * and its access string: Redisson signs in with the username and password properties (the aws profile's) or with the
 * URL's user info, and the seat locks and the Lua scripts of a hold run under that access string.
 */
class RedisCredentialsIT {

    private static final String USER = "ticketing";
    private static final String PASSWORD = "it0Booking0Valkey0Password0Letters0Digits";

    private static final BookingStack world = BookingStack.get();
    private static AuthRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = AuthRedis.start(Path.of("target", "auth-redis-it").toAbsolutePath(), USER, PASSWORD);
        assertThat(redis.pingWithoutSigningIn()).startsWith("-NOAUTH");
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void holdsASeatSignedInWithTheUsernameAndPasswordProperties() {
        try (ConfigurableApplicationContext app = world.startSignedInTo(redis, USER, PASSWORD)) {
            Api api = world.api(app);
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);

            Round round = world.freshRound();
            String token = world.token(round, BookingStack.ticket(), "signed-in", false);
            solveCaptcha(api, token);
            Api.Response held = hold(api, token, round, "A-1");
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
        }
    }

    @Test
    void signsInWithTheUserInfoOfTheUrl() {
        try (ConfigurableApplicationContext app = world.start(Map.of(
                "ticketing.redis.url", "redis://" + USER + ":" + PASSWORD + "@" + redis.host() + ":" + redis.port()))) {
            assertThat(world.api(app).get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
