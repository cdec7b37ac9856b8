package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every application metric (namespace {@link Names#METRICS_NAMESPACE}) that a dashboard widget, an alarm or a scaling
 * policy reads is one the services publish: a name that nobody publishes would chart nothing, never alarm and never
 * scale, silently. The published names come from the services' code ({@link PublishedMetrics}), the used ones from
 * the synthesized templates.
 */
class ApplicationMetricsTests {

    /** SPEC §8: the meters every deployment must have. */
    private static final List<String> SPEC_METERS = List.of(
            "ticketing.queue.entered",
            "ticketing.queue.admitted",
            "ticketing.queue.waiting",
            "ticketing.holds",
            "ticketing.bookings",
            "ticketing.confirmation.lag");

    /** A metric in a dashboard body: {@code SEARCH('Namespace="…" MetricName="…"', …)} or {@code ["…","name",…]}. */
    private static final Pattern SEARCHED = Pattern.compile(
            "Namespace=\\\\?\"" + Names.METRICS_NAMESPACE + "\\\\?\"\\s+MetricName=\\\\?\"([^\"\\\\]+)");

    private static final Pattern LISTED = Pattern.compile("\\[\"" + Names.METRICS_NAMESPACE + "\",\"([^\"]+)\"");

    @Test
    void theServicesRegisterEveryMeterOfSpecSection8() {
        assertThat(PublishedMetrics.ofServices().meterNames()).containsAll(SPEC_METERS);
    }

    @Test
    void everyApplicationMetricThatAWidgetAlarmOrScalingPolicyReadsIsOneTheServicesPublish() {
        Set<String> published = PublishedMetrics.ofServices().cloudWatchNames();
        for (SynthesizedApp app : List.of(SynthesizedApp.prod(), SynthesizedApp.dev())) {
            Set<String> used = used(app);

            assertThat(unpublished(used, published))
                    .as("metrics nobody publishes")
                    .isEmpty();
        }
    }

    @Test
    void findsTheApplicationMetricsOfTheDashboardTheAlarmsAndTheScaling() {
        Set<String> used = used(SynthesizedApp.prod());

        // the extraction itself works: the dashboard's searches, the lag alarm and the waiting-room scaling
        assertThat(used)
                .contains(
                        MonitoringStack.QUEUE_WAITING,
                        MonitoringStack.QUEUE_ADMITTED,
                        MonitoringStack.BOOKINGS,
                        MonitoringStack.CONFIRMATION_LAG_AVG,
                        MonitoringStack.CONFIRMATION_LAG_MAX,
                        MonitoringStack.CONFIRMATION_LAG_P99);
    }

    @Test
    void refusesAMetricNameNobodyPublishes() {
        Set<String> published = PublishedMetrics.ofServices().cloudWatchNames();

        // a counter is published as .count, never as the bare name or a gauge's .value
        assertThat(unpublished(
                        Set.of("ticketing.bookings", "ticketing.bookings.value", "ticketing.bookings.count"),
                        published))
                .containsExactly("ticketing.bookings", "ticketing.bookings.value");
        assertThat(unpublished(Set.of("ticketing.queue.length.value"), published))
                .containsExactly("ticketing.queue.length.value");
    }

    @Test
    void namesEachKindOfMeterTheWayTheCloudWatchRegistryDoes() {
        PublishedMetrics metrics = PublishedMetrics.of(List.of("""
                        Counter.builder("a.counter").tag("bot", "true").register(registry);
                        meters.counter("a.tagged.counter", "result", "ok").increment();
                        Gauge.builder("a.gauge", waiting, AtomicLong::get).register(registry);
                        this.lag = Timer.builder("a.timer")
                                .publishPercentiles(0.5, 0.99)
                                .register(meters);
                        DistributionSummary.builder("a.summary").register(meters);
                        Timer.builder("a.profile.timer").register(meters);
                        """), Set.of("a.profile.timer"));

        assertThat(metrics.cloudWatchNames())
                .containsExactlyInAnyOrder(
                        "a.counter.count",
                        "a.tagged.counter.count",
                        "a.gauge.value",
                        "a.timer.count",
                        "a.timer.sum",
                        "a.timer.avg",
                        "a.timer.max",
                        "a.timer.percentile.value",
                        "a.summary.count",
                        "a.summary.sum",
                        "a.summary.avg",
                        "a.summary.max",
                        "a.profile.timer.count",
                        "a.profile.timer.sum",
                        "a.profile.timer.avg",
                        "a.profile.timer.max",
                        "a.profile.timer.percentile.value");
    }

    @Test
    void readsTheMetricsThatAlarmsAndScalingNeedExactlyWithTheDimensionsTheServicesPublishThemWith() {
        // an alarm or a step policy reads one metric with its exact dimensions: Micrometer's tags, incl. common ones
        assertThat(commonTags("booking")).containsExactlyEntriesOf(Map.of("application", "booking"));
        assertThat(commonTags("admission")).isEmpty();
        String lagAlarm = SynthesizedApp.json(SynthesizedApp.prod()
                .template(SynthesizedApp.prod().stacks().monitoring())
                .findResources(
                        "AWS::CloudWatch::Alarm",
                        Map.of("Properties", Map.of("MetricName", MonitoringStack.CONFIRMATION_LAG_P99))));
        assertThat(lagAlarm)
                .contains("{\"Name\":\"application\",\"Value\":\"booking\"}")
                .contains("{\"Name\":\"phi\",\"Value\":\"0.99\"}");
        String waitingAlarm = SynthesizedApp.json(SynthesizedApp.prod()
                .template(SynthesizedApp.prod().stacks().services())
                .findResources(
                        "AWS::CloudWatch::Alarm",
                        Map.of("Properties", Map.of("MetricName", MonitoringStack.QUEUE_WAITING))));
        assertThat(waitingAlarm).contains("ticketing.queue.waiting.value").doesNotContain("\"Dimensions\"");
    }

    /** {@code management.metrics.tags} of a service's application.yml. */
    private static Map<String, String> commonTags(String service) {
        try {
            Object config = new Yaml()
                    .loadAll(Files.readString(Path.of("..", service, "src", "main", "resources", "application.yml")))
                    .iterator()
                    .next();
            Object tags = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) config).get("management")).get("metrics"));
            Map<String, String> common = new TreeMap<>();
            if (tags instanceof Map<?, ?> metrics && metrics.get("tags") instanceof Map<?, ?> map) {
                map.forEach((key, value) -> common.put(key.toString(), value.toString()));
            }
            return common;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application metrics the monitoring and services stacks (alarms, dashboard, scaling policies) read. */
    static Set<String> used(SynthesizedApp app) {
        Set<String> used = new TreeSet<>();
        collect(app.template(app.stacks().monitoring()).toJSON(), used);
        collect(app.template(app.stacks().services()).toJSON(), used);
        return used;
    }

    private static Set<String> unpublished(Collection<String> used, Set<String> published) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(published);
        return missing;
    }

    /** {Namespace, MetricName} pairs anywhere (alarms, scaling policies), and the metrics named in dashboard bodies. */
    private static void collect(Object node, Set<String> used) {
        switch (node) {
            case Map<?, ?> map -> {
                if (Names.METRICS_NAMESPACE.equals(map.get("Namespace")) && map.get("MetricName") != null) {
                    used.add(map.get("MetricName").toString());
                }
                map.values().forEach(value -> collect(value, used));
            }
            case List<?> list -> list.forEach(value -> collect(value, used));
            case String text -> {
                for (Pattern pattern : List.of(SEARCHED, LISTED)) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
            case null, default -> {}
        }
    }
}
