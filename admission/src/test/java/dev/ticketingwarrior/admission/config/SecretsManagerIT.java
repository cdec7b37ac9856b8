package dev.ticketingwarrior.admission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.admission.AdmissionApplication;
import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.TestClockConfiguration;
import dev.ticketingwarrior.edge.testing.LocalSecretsManager;
import dev.ticketingwarrior.localstack.AuthRedis;
import dev.ticketingwarrior.localstack.LocalStack;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The {@code aws} profile reads the token signing keys, the ops token and the bot key from Secrets Manager (required
 * imports: a missing secret stops start-up). A tiny local endpoint speaks the Secrets Manager JSON protocol and knows
 * only the secrets a test gives it ({@link LocalSecretsManager}). Redis asks, as ElastiCache does, for the services' user and its password, which
 * ECS gives as REDIS_USERNAME and REDIS_PASSWORD.
 */
class SecretsManagerIT {

    private static final String REDIS_USER = "ticketing";
    private static final String REDIS_PASSWORD = "it0Admission0Valkey0Password0Letters0Digits";

    private static AuthRedis redis;

    /** Knows only the secrets a test puts; any other id is ResourceNotFoundException. */
    private LocalSecretsManager secrets;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() {
        redis = AuthRedis.start(Path.of("target", "auth-redis-it").toAbsolutePath(), REDIS_USER, REDIS_PASSWORD);
        assertThat(redis.pingWithoutSigningIn()).startsWith("-NOAUTH");
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startSecretsManager() {
        secrets = LocalSecretsManager.start();
        secrets.put("/ticketing/ops-token", Map.of("TICKETING_OPS_TOKEN", "aws-ops-token"));
        secrets.put("/ticketing/bot-key", Map.of("TICKETING_BOT_KEY", "aws-bot-key"));
    }

    @AfterEach
    void stopSecretsManager() {
        secrets.close();
    }

    @Test
    void refusesToStartWithoutTheTokenKeysSecretAndMakesNoDevKey() {
        assertThatThrownBy(this::start).rootCause().hasMessageContaining("can't find the specified secret");
        assertThat(dir.resolve("token-keys.json")).doesNotExist();
    }

    @Test
    void signsWithTheKeysFromSecretsManager() {
        String keys = TokenKeys.of(List.of(TokenKeys.generate("aws-2031", Instant.parse("2031-01-01T00:00:00Z"))))
                .privateJwkSetJson();
        secrets.put("/ticketing/token-keys", Map.of("TICKETING_TOKEN_KEYS", keys));

        try (ConfigurableApplicationContext app = start()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            AdmissionIntegrationTest.testClient(port)
                    .get()
                    .uri("/.well-known/jwks.json")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.keys[0].kid")
                    .isEqualTo("aws-2031");
        }
        assertThat(dir.resolve("token-keys.json")).doesNotExist();
    }

    /**
     * Lettuce signs in as the services' user with the password ECS gives: the health check's INFO and the Lua scripts
     * of a queue entry (its rate limit, the entry itself) run under the services' access string.
     */
    @Test
    void entersThePlayerSignedInToRedisAsTheServicesUser() {
        secrets.put("/ticketing/token-keys", Map.of("TICKETING_TOKEN_KEYS", signingKeys()));
        // a second into an open round: the shared test clock stands wherever the previous test class left it
        TestClockConfiguration.CLOCK.set(Instant.parse("2031-01-01T00:00:01Z"));

        try (ConfigurableApplicationContext app = start()) {
            WebTestClient web = AdmissionIntegrationTest.testClient(
                    ((WebServerApplicationContext) app).getWebServer().getPort());
            web.get().uri("/actuator/health").exchange().expectStatus().isOk();
            web.post()
                    .uri("/api/v1/queue")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("nickname", "aws_profile"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void refusesToStartWithoutTheRedisPassword() {
        secrets.put("/ticketing/token-keys", Map.of("TICKETING_TOKEN_KEYS", signingKeys()));

        assertThatThrownBy(() -> start("--REDIS_PASSWORD=").close())
                .hasStackTraceContaining("REDIS_PASSWORD is not set.");
    }

    /** Admission checks the bot key only when a bot calls; it is still read while the service starts. */
    @Test
    void refusesToStartWithABlankBotKey() {
        secrets.put("/ticketing/token-keys", Map.of("TICKETING_TOKEN_KEYS", signingKeys()));
        secrets.put("/ticketing/bot-key", Map.of("TICKETING_BOT_KEY", " "));

        assertThatThrownBy(() -> start().close()).hasStackTraceContaining("TICKETING_BOT_KEY is not set.");
    }

    private static String signingKeys() {
        return TokenKeys.of(List.of(TokenKeys.generate("aws-2031", Instant.parse("2031-01-01T00:00:00Z"))))
                .privateJwkSetJson();
    }

    private ConfigurableApplicationContext start(String... without) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--TICKETING_SECRETS_PREFIX=/ticketing/",
                // the task definition's endpoint and, from the secret <prefix>valkey, the user; no TLS on loopback
                "--REDIS_HOST=" + redis.host(),
                "--REDIS_PORT=" + redis.port(),
                "--REDIS_USERNAME=" + REDIS_USER,
                "--REDIS_PASSWORD=" + REDIS_PASSWORD,
                "--ADMISSION_TRUSTED_PROXIES=127.0.0.0/8,::1/128",
                "--spring.data.redis.ssl.enabled=false",
                "--spring.cloud.aws.secretsmanager.endpoint=" + secrets.endpoint(),
                "--spring.cloud.aws.region.static=" + LocalStack.REGION,
                "--spring.cloud.aws.credentials.access-key=" + LocalStack.ACCESS_KEY,
                "--spring.cloud.aws.credentials.secret-key=" + LocalStack.SECRET_KEY,
                "--ticketing.token.keys-file=" + dir.resolve("token-keys.json"),
                "--ticketing.admission.settings-key=admission:settings:it",
                // the aws profile's CloudWatch namespace has no default; nothing may be published from a test
                "--MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE=ticketing-it",
                "--management.cloudwatch.metrics.export.enabled=false",
                "--logging.structured.format.console="));
        args.removeIf(arg -> List.of(without).stream().anyMatch(arg::startsWith));
        return new SpringApplicationBuilder(AdmissionApplication.class, TestClockConfiguration.class)
                .profiles("aws")
                .run(args.toArray(String[]::new));
    }
}
