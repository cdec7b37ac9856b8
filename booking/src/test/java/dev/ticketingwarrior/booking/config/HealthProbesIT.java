package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.localstack.AuthRedis;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The readiness probe is the ALB's target health check, and on ECS a task that fails it is replaced: a dependency every
 * task shares (Redis, MySQL) being down must not fail it, or one outage replaces the whole fleet at once. The full
 * health still shows the dependency down.
 */
class HealthProbesIT {

    private static final String USER = "ticketing";
    private static final String PASSWORD = "it0Probes0Valkey0Password0Letters0Digits";

    private final BookingStack world = BookingStack.get();

    @Test
    void aSharedDependencyDownLeavesTheInstanceReadyAndShowsInItsHealth() throws InterruptedException {
        AuthRedis redis = AuthRedis.start(Path.of("target", "probes-redis-it").toAbsolutePath(), USER, PASSWORD);
        try (ConfigurableApplicationContext app = world.startSignedInTo(redis, USER, PASSWORD)) {
            Api api = world.api(app);
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);

            redis.close();

            Api.Response health = api.get("/actuator/health");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (health.status() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                health = api.get("/actuator/health");
            }
            assertThat(health.status())
                    .as("the full health shows Redis down: " + health)
                    .isEqualTo(503);
            assertThat(api.get("/actuator/health/readiness").status())
                    .as("ready: the ALB keeps it, ECS does not replace it")
                    .isEqualTo(200);
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            redis.close();
        }
    }
}
