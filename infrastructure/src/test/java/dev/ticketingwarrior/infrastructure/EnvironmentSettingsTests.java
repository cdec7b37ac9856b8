package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain unit tests of reading cdk.json's context: no synth. */
class EnvironmentSettingsTests {

    private static EnvironmentSettings settings(Map<String, Object> overrides) {
        Map<String, Object> context = SynthesizedApp.context(overrides);
        return EnvironmentSettings.fromContext(context::get);
    }

    @Test
    void devIsSmallSingleAzAndMayServePlainHttp() {
        EnvironmentSettings dev = settings(Map.of());

        assertThat(dev.name()).isEqualTo("dev");
        assertThat(dev.multiAz()).isFalse();
        assertThat(dev.natGateways()).isEqualTo(1);
        assertThat(dev.httpOnly()).isTrue();
        assertThat(dev.retainData()).isFalse();
        assertThat(dev.title()).isEqualTo("Dev");
    }

    @Test
    void prodIsMultiAzLargerAndKeepsItsData() {
        EnvironmentSettings dev = settings(Map.of());
        EnvironmentSettings prod = settings(Map.of(
                "env", "prod",
                "certificateArn", SynthesizedApp.CERTIFICATE_ARN,
                "apiOriginDomain", SynthesizedApp.API_ORIGIN_DOMAIN));

        assertThat(prod.multiAz()).isTrue();
        assertThat(prod.natGateways()).isEqualTo(2);
        assertThat(prod.retainData()).isTrue();
        assertThat(prod.taskCpu()).isGreaterThan(dev.taskCpu());
        assertThat(prod.databaseConnectionsAlarmThreshold()).isGreaterThan(dev.databaseConnectionsAlarmThreshold());
        assertThat(prod.logRetentionDays()).isGreaterThan(dev.logRetentionDays());
    }

    @Test
    void bothEnvironmentsScaleFromOneToFourTasksAtHalfCpu() {
        for (String env : new String[] {"dev", "prod"}) {
            EnvironmentSettings settings = settings(Map.of(
                    "env", env,
                    "certificateArn", SynthesizedApp.CERTIFICATE_ARN,
                    "apiOriginDomain", SynthesizedApp.API_ORIGIN_DOMAIN));

            assertThat(settings.minTasks()).as(env).isEqualTo(1);
            assertThat(settings.maxTasks()).as(env).isEqualTo(4);
            assertThat(settings.cpuTargetPercent()).as(env).isEqualTo(50);
        }
    }

    @Test
    void commandLineStringsOverrideTheEnvironmentBlock() {
        EnvironmentSettings dev = settings(Map.of(
                "natGateways",
                "2",
                "httpOnly",
                "false",
                "imageTag",
                "abc123",
                "certificateArn",
                SynthesizedApp.CERTIFICATE_ARN,
                "apiOriginDomain",
                "api.dev.example.com"));

        assertThat(dev.natGateways()).isEqualTo(2);
        assertThat(dev.httpOnly()).isFalse();
        assertThat(dev.imageTag()).isEqualTo("abc123");
        assertThat(dev.apiOriginDomain()).contains("api.dev.example.com");
    }

    @Test
    void imageTagDefaultsToLatest() {
        assertThat(settings(Map.of()).imageTag()).isEqualTo("latest");
    }

    @Test
    void refusesProdWithoutCertificate() {
        assertThatThrownBy(() -> settings(Map.of("env", "prod")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificateArn");
    }

    @Test
    void refusesPlainHttpInProd() {
        assertThatThrownBy(() -> settings(Map.of(
                        "env",
                        "prod",
                        "httpOnly",
                        "true",
                        "certificateArn",
                        SynthesizedApp.CERTIFICATE_ARN,
                        "apiOriginDomain",
                        SynthesizedApp.API_ORIGIN_DOMAIN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpOnly");
    }

    @Test
    void namesTheKnownEnvironmentsWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> settings(Map.of("env", "staging")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staging")
                .hasMessageContaining("[dev, prod]");
    }

    @Test
    void refusesARetentionCloudWatchDoesNotOffer() {
        assertThatThrownBy(() -> settings(Map.of("logRetentionDays", "8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logRetentionDays");
    }

    @Test
    void refusesScalingBoundsTheWrongWayRound() {
        assertThatThrownBy(() -> settings(Map.of("minTasks", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minTasks");
    }

    @Test
    void scalesOnRequestsAndTheWaitingRoomWithNoScheduledEventUnlessOneIsGiven() {
        EnvironmentSettings dev = settings(Map.of());

        assertThat(dev.requestsPerTarget()).isPositive();
        assertThat(dev.waitingPerTask()).isPositive();
        assertThat(dev.scheduledEvents()).isEmpty();
    }

    @Test
    void readsScheduledEventsFromCdkJsonListsAndFromTheCommandLine() {
        EnvironmentSettings fromJson = settings(Map.of(
                "scheduledEvents",
                List.of(Map.of(
                        "name",
                        "Launch",
                        "start",
                        "cron(50 11 ? * SAT *)",
                        "end",
                        "cron(0 14 ? * SAT *)",
                        "minTasks",
                        3))));
        EnvironmentSettings fromCommandLine = settings(
                Map.of(
                        "scheduledEvents",
                        "Launch|cron(50 11 ? * SAT *)|cron(0 14 ? * SAT *)|3; Finals|cron(0 9 1 12 ? *)|cron(0 10 1 12 ? *)|4"));

        EnvironmentSettings.ScheduledEvent launch =
                new EnvironmentSettings.ScheduledEvent("Launch", "cron(50 11 ? * SAT *)", "cron(0 14 ? * SAT *)", 3);
        assertThat(fromJson.scheduledEvents()).containsExactly(launch);
        assertThat(fromCommandLine.scheduledEvents())
                .containsExactly(
                        launch,
                        new EnvironmentSettings.ScheduledEvent(
                                "Finals", "cron(0 9 1 12 ? *)", "cron(0 10 1 12 ? *)", 4));
    }

    @Test
    void refusesAScheduledMinimumAboveMaxTasks() {
        assertThatThrownBy(() -> settings(Map.of("scheduledEvents", "Launch|cron(0 9 * * ? *)|cron(0 10 * * ? *)|9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheduledEvents.Launch");
    }
}
