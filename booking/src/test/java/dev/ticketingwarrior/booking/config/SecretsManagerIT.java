package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.edge.testing.LocalSecretsManager;
import dev.ticketingwarrior.localstack.AuthRedis;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The {@code aws} profile imports the DB credentials from Secrets Manager ({@link LocalSecretsManager} answers on
 * loopback); the local defaults are deliberately wrong, so the app only reaches MariaDB with the secret.
 * Redis asks, as ElastiCache does, for the services' user and its password, which ECS gives as REDIS_USERNAME and
 * REDIS_PASSWORD.
 */
class SecretsManagerIT {

    private static final String DB_SECRET = "ticketing/db";
    private static final String REDIS_USER = "ticketing";
    private static final String REDIS_PASSWORD = "it0Booking0Aws0Valkey0Password0Letters0Digits";

    private static AuthRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = AuthRedis.start(Path.of("target", "auth-redis-aws-it").toAbsolutePath(), REDIS_USER, REDIS_PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private final BookingStack world = BookingStack.get();

    @BeforeEach
    void migrateTheSchema() {
        // the aws profile leaves the schema to the deploy's migration (BookingMigrationIT); the test profile's shared
        // instance migrates it here
        world.first();
    }

    @Test
    void theDataSourceUsesTheCredentialsFromSecretsManager() throws Exception {
        try (LocalSecretsManager secrets = LocalSecretsManager.start()) {
            secrets.put(
                    DB_SECRET, Map.of("username", world.stack.mysqlUser(), "password", world.stack.mysqlPassword()));
            try (ConfigurableApplicationContext app = world.start(world.clock, awsProfile(secrets), "aws")) {
                HikariDataSource dataSource = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
                assertThat(dataSource.getUsername()).isEqualTo(world.stack.mysqlUser());
                assertThat(dataSource.getPassword()).isEqualTo(world.stack.mysqlPassword());
                String user = app.getBean(JdbcTemplate.class).queryForObject("SELECT CURRENT_USER()", String.class);
                assertThat(user).startsWith(world.stack.mysqlUser() + "@");
                // the application user's secret only: the schema's migration user is the deploy's (BookingMigrationIT)
                assertThat(secrets.asked()).containsOnly("secretsmanager.GetSecretValue " + DB_SECRET);
                // Redisson signed in as the services' user: Redis is in the health
                assertThat(world.api(app).get("/actuator/health").status()).isEqualTo(200);
            }
        }
    }

    /**
     * Secrets Manager rotates the password (as the CDK schedules every 30 days): the connections opened after it are
     * refused with the old one, so booking reads the secret again and carries on without a restart.
     */
    @Test
    void aRotatedPasswordIsReadAgainWhenMysqlRefusesTheOldOne() throws Exception {
        String user = world.stack.mysqlUser();
        String before = world.stack.mysqlPassword();
        String after = "rotated-" + UUID.randomUUID();
        try (LocalSecretsManager secrets = LocalSecretsManager.start()) {
            secrets.put(DB_SECRET, Map.of("username", user, "password", before));
            try (ConfigurableApplicationContext app = world.start(world.clock, awsProfile(secrets), "aws")) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class))
                        .startsWith(user + "@");
                int readsAtStart = reads(secrets);

                // single-user rotation: the same user gets a new password, then the secret's current version holds it
                setOwnPassword(jdbc, after);
                try {
                    secrets.put(DB_SECRET, Map.of("username", user, "password", after));
                    // the pool's connections age out (maxLifetime); the next ones meet the new password
                    app.getBean(DataSource.class)
                            .unwrap(HikariDataSource.class)
                            .getHikariPoolMXBean()
                            .softEvictConnections();

                    // every MySQL call of booking goes through Dependencies.mysql, which reads the secret again
                    Dependencies dependencies = app.getBean(Dependencies.class);
                    assertThat(dependencies.mysql(() -> jdbc.queryForObject("SELECT CURRENT_USER()", String.class)))
                            .startsWith(user + "@");
                    assertThat(reads(secrets))
                            .as("the secret is read again after MySQL refused the old password")
                            .isGreaterThan(readsAtStart);
                } finally {
                    // the other tests' instances still use the stack's password
                    setOwnPassword(
                            new JdbcTemplate(new DriverManagerDataSource(world.stack.mysqlJdbcUrl(), user, after)),
                            before);
                }
            }
        }
    }

    /** Changes the password of the account this connection logged in as (every account may change its own). */
    private static void setOwnPassword(JdbcTemplate jdbc, String password) {
        jdbc.execute("SET PASSWORD = PASSWORD('" + password + "')");
    }

    private static int reads(LocalSecretsManager secrets) {
        return (int) secrets.asked().stream()
                .filter(call -> call.contains("GetSecretValue"))
                .count();
    }

    private Map<String, String> awsProfile(LocalSecretsManager secrets) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.cloud.aws.secretsmanager.endpoint", secrets.endpoint());
        properties.put("spring.datasource.username", null);
        properties.put("spring.datasource.password", null);
        properties.put("MYSQL_USER", "not-the-user");
        properties.put("MYSQL_PASSWORD", "not-the-password");
        properties.put("TICKETING_DB_SECRET", DB_SECRET);
        // the aws profile has no default for it either (the failed-authentication limit's trusted proxies)
        properties.put("BOOKING_TRUSTED_PROXIES", "10.0.0.0/16");
        // nor for admission's JWKS (the test's keys are configured, so it is never fetched)
        properties.put("TICKETING_JWKS_URL", "http://127.0.0.1:9/.well-known/jwks.json");
        // the profile's Valkey endpoint is TLS only; this one is the plain loopback Redis that asks for the user
        properties.put("ticketing.redis.url", redis.url());
        properties.put("REDIS_USERNAME", REDIS_USER);
        properties.put("REDIS_PASSWORD", REDIS_PASSWORD);
        // the aws profile's CloudWatch namespace has no default; nothing may be published from a test
        properties.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", "ticketing-it");
        properties.put("management.cloudwatch.metrics.export.enabled", "false");
        return properties;
    }
}
