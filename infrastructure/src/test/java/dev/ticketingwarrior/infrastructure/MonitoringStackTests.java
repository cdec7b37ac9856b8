package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MonitoringStackTests {

    private static SynthesizedApp prod;
    private static Template template;
    private static Template devTemplate;

    @BeforeAll
    static void synth() {
        prod = SynthesizedApp.prod();
        template = prod.template(prod.stacks().monitoring());
        SynthesizedApp dev = SynthesizedApp.dev();
        devTemplate = dev.template(dev.stacks().monitoring());
    }

    @Test
    void alarmsWhenMoreThanFivePercentOfRequestsFailWith5xx() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName",
                        "ticketing-warrior-alb-5xx-rate",
                        "Threshold",
                        5,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "Metrics",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Expression",
                                Match.stringLikeRegexp(
                                        ".*100 \\* \\(FILL\\(elb5xx, 0\\) \\+ FILL\\(target5xx, 0\\)\\) /"
                                                + " requests.*")))))));
        String alarm = SynthesizedApp.json(template.findResources(
                "AWS::CloudWatch::Alarm", Map.of("Properties", Map.of("AlarmName", "ticketing-warrior-alb-5xx-rate"))));
        assertThat(alarm)
                .contains("HTTPCode_ELB_5XX_Count")
                .contains("HTTPCode_Target_5XX_Count")
                .contains("RequestCount");
    }

    @Test
    void alarmsWhenAServiceRunsAbove70PercentCpu() {
        for (TicketingService service : TicketingService.values()) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "AlarmName", "ticketing-warrior-" + service.id() + "-cpu",
                            "Namespace", "AWS/ECS",
                            "MetricName", "CPUUtilization",
                            "Threshold", 70,
                            "ComparisonOperator", "GreaterThanThreshold"));
        }
    }

    @Test
    void alarmsOnAuroraConnectionsAboveTheEnvironmentsThreshold() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Namespace", "AWS/RDS",
                        "MetricName", "DatabaseConnections",
                        "Threshold", prod.stacks().settings().databaseConnectionsAlarmThreshold(),
                        "ComparisonOperator", "GreaterThanThreshold"));
        devTemplate.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "DatabaseConnections",
                        "Threshold",
                        SynthesizedApp.dev().stacks().settings().databaseConnectionsAlarmThreshold()));
    }

    @Test
    void alarmsAsSoonAsAConfirmationLandsInTheDeadLetterQueue() {
        String deadLetters =
                SynthesizedApp.logicalId(prod.stacks().data().data().confirmationsDeadLetters());

        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Namespace",
                        "AWS/SQS",
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Threshold",
                        0,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "EvaluationPeriods",
                        1,
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*" + deadLetters + ".*"))))));
    }

    @Test
    void alarmsWhenTheConfirmationLagP99ExceedsTwoSeconds() {
        // the p99 gauge booking's aws profile publishes, with the exact dimensions it carries (an alarm cannot SEARCH)
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName",
                        "ticketing-warrior-confirmation-lag-p99",
                        "Namespace",
                        "TicketingWarrior",
                        "MetricName",
                        "ticketing.confirmation.lag.percentile.value",
                        "Dimensions",
                        Match.arrayWith(List.of(
                                Map.of("Name", "application", "Value", "booking"),
                                Map.of("Name", "phi", "Value", "0.99"))),
                        "Statistic",
                        "Maximum",
                        "Period",
                        60,
                        "Threshold",
                        2000,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "EvaluationPeriods",
                        5,
                        "DatapointsToAlarm",
                        3));
    }

    @Test
    void alarmsWhenABookingHasBeenPendingForMoreThanAMinute() {
        String confirmations =
                SynthesizedApp.logicalId(prod.stacks().data().data().confirmations());

        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmName",
                        "ticketing-warrior-bookings-pending-over-a-minute",
                        "Namespace",
                        "AWS/SQS",
                        "MetricName",
                        "ApproximateAgeOfOldestMessage",
                        "Statistic",
                        "Maximum",
                        "Threshold",
                        60,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "EvaluationPeriods",
                        1,
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*" + confirmations + ".*"))))));
    }

    @Test
    void notifiesTheAlarmTopicOnEveryAlarm() {
        String topic = SynthesizedApp.logicalId(prod.stacks().monitoring().alarmTopic());

        assertThat(template.findResources("AWS::CloudWatch::Alarm")).hasSize(8);
        assertThat(template.findResources(
                        "AWS::CloudWatch::Alarm",
                        Map.of("Properties", Map.of("AlarmActions", List.of(Map.of("Ref", topic))))))
                .hasSize(8);
        template.hasResourceProperties(
                "AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
    }

    @Test
    void chartsTheApplicationMetricsNextToTheAwsOnes() {
        String dashboard = SynthesizedApp.json(template.findResources("AWS::CloudWatch::Dashboard"));

        assertThat(dashboard)
                .contains("TicketingWarrior")
                .contains("ticketing.queue.waiting.value")
                .contains("ticketing.queue.streams.value")
                .contains("ticketing.queue.admitted.count")
                .contains("ticketing.bookings.count")
                .contains("ticketing.confirmation.lag.avg")
                .contains("ticketing.confirmation.lag.percentile.value")
                .contains("ApproximateAgeOfOldestMessage")
                .contains("HTTPCode_ELB_5XX_Count")
                .contains("CPUUtilization")
                .contains("DatabaseConnections")
                .contains("ApproximateNumberOfMessagesVisible");
    }

    @Test
    void chartsBookingsByTheirResultNotEveryResultAddedUp() {
        String dashboard = SynthesizedApp.json(template.findResources("AWS::CloudWatch::Dashboard"));
        // every search of the bookings counter names its result: a 202, its row and the refusals are all counted
        // under ticketing.bookings, and their sum is no rate of anything
        List<String> filters = new java.util.ArrayList<>();
        for (int at = dashboard.indexOf(MonitoringStack.BOOKINGS);
                at >= 0;
                at = dashboard.indexOf(MonitoringStack.BOOKINGS, at + 1)) {
            int end = dashboard.indexOf('\'', at);
            filters.add(dashboard.substring(at + MonitoringStack.BOOKINGS.length(), end));
        }

        assertThat(filters).hasSize(2).allSatisfy(filter -> assertThat(filter).contains("result="));
        assertThat(String.join(" ", filters)).contains("accepted").contains("confirmed");
    }
}
