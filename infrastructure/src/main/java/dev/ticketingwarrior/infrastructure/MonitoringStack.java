package dev.ticketingwarrior.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancerMetrics;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarm topic, the alarms of SPEC §10 and one dashboard with the application metrics next to the AWS ones.
 * The services' log groups (with retention) belong to each {@link ServiceDeployment}: the task definitions need them
 * before this stack, which reads the load balancer and services, can exist.
 */
final class MonitoringStack extends Stack {

    static final double ALB_5XX_RATE_PERCENT = 5;
    static final double ECS_CPU_PERCENT = 70;
    static final Duration PERIOD = Duration.minutes(1);

    /** Application metric names as the Micrometer CloudWatch registry publishes SPEC §8's meters. */
    static final String QUEUE_WAITING = "ticketing.queue.waiting.value";
    /** Live event streams one admission task feeds (a gauge per task; past ADMISSION_MAX_STREAMS new ones get 503). */
    static final String QUEUE_STREAMS = "ticketing.queue.streams.value";

    static final String QUEUE_ADMITTED = "ticketing.queue.admitted.count";
    static final String BOOKINGS = "ticketing.bookings.count";
    static final String CONFIRMATION_LAG_AVG = "ticketing.confirmation.lag.avg";
    static final String CONFIRMATION_LAG_MAX = "ticketing.confirmation.lag.max";
    /** The timer's client-side p99 (booking's aws profile), a gauge with the dimension {@code phi}. */
    static final String CONFIRMATION_LAG_P99 = "ticketing.confirmation.lag.percentile.value";

    /** SPEC: confirmation lag p99 ≤ 2 s. The registry publishes timers in milliseconds. */
    static final double CONFIRMATION_LAG_P99_MILLIS = 2000;
    /** A booking still PENDING a minute after it was accepted is stuck, not slow. */
    static final Duration PENDING_TOO_LONG = Duration.minutes(1);

    record Props(EnvironmentSettings settings, DataStack.Data data, ServicesStack.Services services) {}

    private final Topic alarmTopic;

    MonitoringStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        EnvironmentSettings settings = props.settings();
        DataStack.Data data = props.data();
        ServicesStack.Services services = props.services();

        this.alarmTopic = Topic.Builder.create(this, "Alarms")
                .displayName("Ticketing-Warrior " + settings.name() + " alarms")
                .enforceSsl(true)
                .build();
        settings.alarmEmail().ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));
        SnsAction notify = new SnsAction(alarmTopic);

        IApplicationLoadBalancerMetrics alb = services.loadBalancer().getMetrics();
        MathExpression alb5xxRate = MathExpression.Builder.create()
                .label("ALB 5XX %")
                .expression("IF(requests > 0, 100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests, 0)")
                .usingMetrics(Map.of(
                        "requests", alb.requestCount(sum()),
                        "elb5xx", alb.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum()),
                        "target5xx", alb.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum())))
                .period(PERIOD)
                .build();

        List<Alarm> alarms = new ArrayList<>();
        alarms.add(Alarm.Builder.create(this, "Alb5xxRate")
                .alarmName(Names.PREFIX + "-alb-5xx-rate")
                .alarmDescription("More than 5 % of API requests answered 5XX (SPEC §9: no 5xx for any client input)")
                .metric(alb5xxRate)
                .threshold(ALB_5XX_RATE_PERCENT)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(5)
                .datapointsToAlarm(3)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());

        List<IMetric> cpu = new ArrayList<>();
        for (TicketingService service : TicketingService.values()) {
            Metric serviceCpu = services.deployment(service)
                    .fargateService()
                    .metricCpuUtilization(MetricOptions.builder().period(PERIOD).build());
            cpu.add(serviceCpu.with(MetricOptions.builder().label(service.id()).build()));
            // above the 50 % scaling target for 5 minutes: scaling is not keeping up, or it is at 4 tasks
            alarms.add(Alarm.Builder.create(this, service.constructId() + "Cpu")
                    .alarmName(Names.PREFIX + "-" + service.id() + "-cpu")
                    .alarmDescription(service.id() + " CPU above 70 % although it scales at 50 %")
                    .metric(serviceCpu)
                    .threshold(ECS_CPU_PERCENT)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(5)
                    .treatMissingData(TreatMissingData.MISSING)
                    .build());
        }

        IMetric connections = data.database()
                .metricDatabaseConnections(MetricOptions.builder()
                        .period(PERIOD)
                        .statistic("Maximum")
                        .build());
        alarms.add(Alarm.Builder.create(this, "DatabaseConnections")
                .alarmName(Names.PREFIX + "-aurora-connections")
                .alarmDescription("Aurora connections above the environment's threshold: pools too large or leaking")
                .metric(connections)
                .threshold(settings.databaseConnectionsAlarmThreshold())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(3)
                .treatMissingData(TreatMissingData.MISSING)
                .build());

        IMetric deadLetters = data.confirmationsDeadLetters()
                .metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(PERIOD)
                        .statistic("Maximum")
                        .build());
        alarms.add(Alarm.Builder.create(this, "DeadLettersNotEmpty")
                .alarmName(Names.PREFIX + "-confirmations-dlq-not-empty")
                .alarmDescription("A booking confirmation failed 5 times: a 202 is not CONFIRMED or REJECTED yet")
                .metric(deadLetters)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());

        // an alarm reads one metric with its exact dimensions (no SEARCH): booking's common tag and the percentile's
        Metric lagP99 = Metric.Builder.create()
                .namespace(Names.METRICS_NAMESPACE)
                .metricName(CONFIRMATION_LAG_P99)
                .dimensionsMap(new TreeMap<>(Map.of("application", TicketingService.BOOKING.id(), "phi", "0.99")))
                .statistic("Maximum")
                .period(PERIOD)
                .build();
        alarms.add(Alarm.Builder.create(this, "ConfirmationLagP99")
                .alarmName(Names.PREFIX + "-confirmation-lag-p99")
                .alarmDescription("Confirmation lag p99 above 2 s (booking accepted → row written) in 3 of 5 minutes:"
                        + " players wait on PENDING")
                .metric(lagP99)
                .threshold(CONFIRMATION_LAG_P99_MILLIS)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(5)
                .datapointsToAlarm(3)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());

        // A booking is PENDING from its 202 until the listener has written its row and deleted its confirmation, so
        // the oldest message in the queue is the oldest PENDING booking (while MySQL is down the listener keeps its
        // messages in flight, which still count). AWS publishes it for free; booking would need a scan of Redis.
        Metric oldestPending = data.confirmations()
                .metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                        .period(PERIOD)
                        .statistic("Maximum")
                        .build());
        alarms.add(Alarm.Builder.create(this, "PendingTooLong")
                .alarmName(Names.PREFIX + "-bookings-pending-over-a-minute")
                .alarmDescription("A booking has been PENDING for more than a minute: its confirmation is still in"
                        + " booking-confirmations (listener stopped, MySQL down, or far behind)")
                .metric(oldestPending)
                .threshold(PENDING_TOO_LONG.toSeconds())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());

        alarms.forEach(alarm -> {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        });

        List<IWidget> applicationRow = List.of(
                graph("Queue length (waiting)", search(QUEUE_WAITING, "Maximum", "waiting")),
                graph("Admitted / s", perSecond(QUEUE_ADMITTED, "", "admitted/s")),
                // the counter's result tag tells a 202 from its row and from the refusals: one line each of the two
                graph(
                        "Bookings / s",
                        perSecond(BOOKINGS, "result=\"accepted\"", "accepted (202) /s"),
                        perSecond(BOOKINGS, "result=\"confirmed\"", "confirmed (row) /s")),
                graph(
                        "Confirmation lag (ms)",
                        search(CONFIRMATION_LAG_AVG, "Average", "avg"),
                        search(CONFIRMATION_LAG_MAX, "Maximum", "max"),
                        lagP99.with(MetricOptions.builder().label("p99").build())));
        List<IWidget> platformRow = List.of(
                graph("ALB 5XX rate (%)", alb5xxRate),
                graph("ECS CPU (%)", cpu.toArray(IMetric[]::new)),
                graph("Aurora connections", connections),
                graph(
                        "Confirmations queue and DLQ depth",
                        data.confirmations().metricApproximateNumberOfMessagesVisible(),
                        deadLetters));
        List<IWidget> confirmationsRow = List.of(
                graph(
                        "Oldest PENDING booking (s)",
                        oldestPending.with(MetricOptions.builder()
                                .label("oldest PENDING (s)")
                                .build())),
                graph("Live event streams (busiest admission task)", search(QUEUE_STREAMS, "Maximum", "streams")));
        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(Names.PREFIX + "-" + settings.name())
                .defaultInterval(Duration.hours(3))
                .widgets(List.of(applicationRow, platformRow, confirmationsRow))
                .build();
    }

    Topic alarmTopic() {
        return alarmTopic;
    }

    /** Micrometer adds tags as dimensions, so a search finds the series whatever tags the services add. */
    private static MathExpression search(String metricName, String statistic, String label) {
        return MathExpression.Builder.create()
                .expression("SEARCH('Namespace=\"" + Names.METRICS_NAMESPACE + "\" MetricName=\"" + metricName
                        + "\"', '" + statistic + "', 60)")
                .label(label)
                .usingMetrics(Map.of())
                .period(PERIOD)
                .build();
    }

    /**
     * Counters arrive as counts per one-minute step: summed over instances and the tags {@code dimensions} (search
     * terms such as {@code result="accepted"}, or none) leave open, then per second.
     */
    private static MathExpression perSecond(String metricName, String dimensions, String label) {
        return MathExpression.Builder.create()
                .expression("SUM(SEARCH('Namespace=\"" + Names.METRICS_NAMESPACE + "\" MetricName=\"" + metricName
                        + "\"" + (dimensions.isEmpty() ? "" : " " + dimensions) + "', 'Sum', 60)) / 60")
                .label(label)
                .usingMetrics(Map.of())
                .period(PERIOD)
                .build();
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(6)
                .height(6)
                .build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    }
}
