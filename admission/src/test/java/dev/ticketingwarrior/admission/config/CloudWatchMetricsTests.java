package dev.ticketingwarrior.admission.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * The CloudWatch registry as the {@code aws} profile configures it (Spring Cloud AWS's auto-configuration, Spring Boot
 * 4's metrics), publishing to a CloudWatch client that only records: no AWS call. It shows the metric names the
 * dashboard, the alarms and the ECS scaling read (infrastructure's {@code ApplicationMetricsTests} derives them the
 * same way), and that without a namespace (local runs, every other test) there is no CloudWatch registry at all.
 */
class CloudWatchMetricsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    CredentialsProviderAutoConfiguration.class,
                    RegionProviderAutoConfiguration.class,
                    CloudWatchExportAutoConfiguration.class))
            .withUserConfiguration(MetricsConfiguration.class)
            .withBean(RecordingCloudWatch.class)
            .withPropertyValues(
                    "spring.cloud.aws.region.static=ap-northeast-2",
                    "spring.cloud.aws.credentials.access-key=test",
                    "spring.cloud.aws.credentials.secret-key=test");

    @Test
    void createsNoCloudWatchRegistryWithoutANamespace() {
        runner.withPropertyValues("management.cloudwatch.metrics.export.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CloudWatchMeterRegistry.class));
    }

    @Test
    void publishesTheWaitingRoomMetersUnderTheNamespaceAsCountAndValue() {
        runner.withPropertyValues(
                        "management.cloudwatch.metrics.export.enabled=true",
                        "management.cloudwatch.metrics.export.namespace=TicketingWarrior")
                .run(context -> {
                    QueueMetrics metrics = context.getBean(QueueMetrics.class);
                    metrics.entered(false);
                    metrics.admitted(3);
                    metrics.waiting(42);
                    CloudWatchMeterRegistry registry = context.getBean(CloudWatchMeterRegistry.class);
                    registry.close(); // a push registry publishes once more when it closes

                    RecordingCloudWatch cloudWatch = context.getBean(RecordingCloudWatch.class);
                    assertThat(cloudWatch.namespaces()).containsOnly("TicketingWarrior");
                    Map<String, MetricDatum> byName = cloudWatch.byName();
                    assertThat(byName)
                            .containsKeys(
                                    "ticketing.queue.waiting.value",
                                    "ticketing.queue.admitted.count",
                                    "ticketing.queue.entered.count");
                    // the scaling alarm reads the gauge without dimensions: admission adds no tags to it
                    assertThat(byName.get("ticketing.queue.waiting.value").value())
                            .isEqualTo(42.0);
                    assertThat(byName.get("ticketing.queue.waiting.value").dimensions())
                            .isEmpty();
                });
    }

    @Test
    void publishesAConfiguredPercentileAsItsOwnGaugeWithPhiAndNoHistogramBuckets() {
        // the aws profiles' distribution settings, as booking's confirmation lag uses them
        runner.withPropertyValues(
                        "management.cloudwatch.metrics.export.enabled=true",
                        "management.cloudwatch.metrics.export.namespace=TicketingWarrior",
                        "management.metrics.distribution.percentiles-histogram.all=false",
                        "management.metrics.distribution.percentiles.example.lag=0.99")
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Timer.builder("example.lag")
                            .publishPercentileHistogram()
                            .register(meters)
                            .record(Duration.ofMillis(120));
                    context.getBean(CloudWatchMeterRegistry.class).close();

                    Map<String, MetricDatum> byName =
                            context.getBean(RecordingCloudWatch.class).byName();
                    assertThat(byName.keySet())
                            .contains(
                                    "example.lag.count",
                                    "example.lag.sum",
                                    "example.lag.avg",
                                    "example.lag.max",
                                    "example.lag.percentile.value")
                            .noneMatch(name -> name.contains("histogram"));
                    assertThat(byName.get("example.lag.percentile.value").dimensions())
                            .containsExactly(Dimension.builder()
                                    .name("phi")
                                    .value("0.99")
                                    .build());
                });
    }

    /** Takes the registry's PutMetricData calls instead of sending them to AWS. */
    static class RecordingCloudWatch implements CloudWatchAsyncClient {

        private final List<PutMetricDataRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<PutMetricDataResponse> putMetricData(PutMetricDataRequest request) {
            requests.add(request);
            return CompletableFuture.completedFuture(
                    PutMetricDataResponse.builder().build());
        }

        List<String> namespaces() {
            return requests.stream()
                    .map(PutMetricDataRequest::namespace)
                    .distinct()
                    .toList();
        }

        /** The last datum of each metric name. */
        Map<String, MetricDatum> byName() {
            return requests.stream()
                    .flatMap(request -> request.metricData().stream())
                    .collect(Collectors.toMap(MetricDatum::metricName, datum -> datum, (first, last) -> last));
        }

        @Override
        public String serviceName() {
            return "cloudwatch";
        }

        @Override
        public void close() {}
    }
}
