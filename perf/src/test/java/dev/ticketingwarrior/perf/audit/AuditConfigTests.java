package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditConfigTests {

    @Test
    void readsTheServicesEnvironment() {
        AuditConfig config = AuditConfig.fromEnvironment(Map.of(
                "REDIS_URL", "redis://127.0.0.1:16379",
                "MYSQL_URL", "jdbc:mysql://127.0.0.1:13306/ticketing",
                "MYSQL_PASSWORD", "secret",
                "SQS_ENDPOINT", "http://127.0.0.1:19324",
                "TICKETING_ROUND_PERIOD", "20s"));

        assertThat(config.redisUrl()).contains("redis://127.0.0.1:16379");
        assertThat(config.mysql())
                .contains(new AuditConfig.Mysql("jdbc:mysql://127.0.0.1:13306/ticketing", "ticketing", "secret"));
        assertThat(config.mysql().orElseThrow().toString()).doesNotContain("secret");
        assertThat(config.sqs()).contains(AuditConfig.Sqs.local("http://127.0.0.1:19324"));
        assertThat(config.roundPeriod()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void leavesOutWhatTheEnvironmentDoesNotName() {
        AuditConfig config = AuditConfig.fromEnvironment(Map.of());

        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.mysql()).isEmpty();
        assertThat(config.sqs()).isEmpty();
        assertThat(config.roundPeriod()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void takesAmazonSqsWhenOnlyARegionIsNamed() {
        assertThat(AuditConfig.fromEnvironment(Map.of("AWS_REGION", "ap-northeast-2"))
                        .sqs())
                .contains(new AuditConfig.Sqs(
                        Optional.empty(), "ap-northeast-2", "booking-confirmations", "booking-confirmations-dlq"));
    }

    @Test
    void parsesPeriodsAsSpringBootDoes() {
        assertThat(AuditConfig.parsePeriod("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(AuditConfig.parsePeriod("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(AuditConfig.parsePeriod("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(AuditConfig.parsePeriod("1500")).isEqualTo(Duration.ofMillis(1500));
    }
}
