package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ServicesStackTests {

    private static SynthesizedApp prod;
    private static ServicesStack services;
    private static Template template;
    private static Template devTemplate;

    @BeforeAll
    static void synth() {
        prod = SynthesizedApp.prod();
        services = prod.stacks().services();
        template = prod.template(services);
        SynthesizedApp dev = SynthesizedApp.dev();
        devTemplate = dev.template(dev.stacks().services());
    }

    @Test
    void servesOnlyHttpsWithTheCertificateFromContext() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "Port",
                        443,
                        "Protocol",
                        "HTTPS",
                        "Certificates",
                        List.of(Map.of("CertificateArn", SynthesizedApp.CERTIFICATE_ARN))));
    }

    @Test
    void servesPlainHttpInDevWhenNoCertificateIsGiven() {
        devTemplate.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        devTemplate.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80, "Protocol", "HTTP"));
    }

    @Test
    void putsTheLoadBalancerInThePublicSubnets() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                Map.of(
                        "Scheme",
                        "internet-facing",
                        "Subnets",
                        Match.arrayWith(
                                List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*VpcpublicSubnet1.*"))))));
    }

    @Test
    void routesQueueClockAdminAndWellKnownPathsToAdmission() {
        assertRule(TicketingService.ADMISSION, 10, List.of("/api/v1/queue*", "/api/v1/clock", "/.well-known*"));
        assertRule(TicketingService.ADMISSION, 11, List.of("/api/v1/admin*"));
    }

    @Test
    void keepsEveryListenerRuleWithinTheAlbConditionQuotas() {
        Map<String, Map<String, Object>> rules = template.findResources("AWS::ElasticLoadBalancingV2::ListenerRule");

        // the routes and the 404 for CloudFront's requests that match none
        assertThat(rules).hasSize(ServicesStack.ROUTES.size() + 1);
        for (Map.Entry<String, Map<String, Object>> rule : rules.entrySet()) {
            List<List<?>> values = conditionValues(rule.getValue());
            // at most three values per condition, five match evaluations and five wildcards per rule
            assertThat(values)
                    .as(rule.getKey())
                    .allSatisfy(condition -> assertThat(condition).hasSizeLessThanOrEqualTo(3));
            assertThat(values.stream().mapToInt(List::size).sum())
                    .as(rule.getKey())
                    .isLessThanOrEqualTo(5);
            assertThat(SynthesizedApp.json(values)
                            .chars()
                            .filter(c -> c == '*' || c == '?')
                            .count())
                    .as(rule.getKey())
                    .isLessThanOrEqualTo(5);
        }
    }

    @Test
    void routesBotControlToBotRunner() {
        assertRule(TicketingService.BOT_RUNNER, 20, List.of("/api/v1/bots*"));
    }

    @Test
    void routesTheRestOfTheApiToBookingAfterTheSpecificRules() {
        assertRule(TicketingService.BOOKING, 30, List.of("/api/*"));
    }

    @Test
    void refusesRequestsWithoutCloudFrontsHeaderWithProblemJson403() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "Port",
                        443,
                        "DefaultActions",
                        List.of(Map.of(
                                "Type",
                                "fixed-response",
                                "FixedResponseConfig",
                                Map.of(
                                        "StatusCode",
                                        "403",
                                        "ContentType",
                                        "application/problem+json",
                                        "MessageBody",
                                        "{\"title\":\"Forbidden\",\"status\":403}")))));
    }

    @Test
    void forwardsOnlyRequestsCarryingTheSecretCloudFrontAdds() {
        Map<String, Map<String, Object>> rules = template.findResources("AWS::ElasticLoadBalancingV2::ListenerRule");

        assertThat(rules).isNotEmpty();
        assertThat(rules.values())
                .allSatisfy(rule -> assertThat(conditions(rule)).contains(originVerifyCondition()));
    }

    @Test
    void generatesTheOriginHeaderSecretWithoutAlbWildcards() {
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of(
                        "Name",
                        "ticketing-warrior/origin-verify",
                        "GenerateSecretString",
                        Map.of("PasswordLength", 64, "ExcludePunctuation", true)));
    }

    @Test
    void answersUnroutedPathsFromCloudFrontWithProblemJson404() {
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                Map.of(
                        "Priority",
                        ServicesStack.NOT_FOUND_PRIORITY,
                        "Actions",
                        List.of(Map.of(
                                "Type",
                                "fixed-response",
                                "FixedResponseConfig",
                                Map.of("StatusCode", "404", "ContentType", "application/problem+json")))));
    }

    @Test
    void checksReadinessOnEachServicePort() {
        for (TicketingService service : TicketingService.values()) {
            template.hasResourceProperties(
                    "AWS::ElasticLoadBalancingV2::TargetGroup",
                    Map.of(
                            "Port", service.port(),
                            "Protocol", "HTTP",
                            "TargetType", "ip",
                            "HealthCheckPath", "/actuator/health/readiness"));
        }
    }

    @Test
    void drainsForThirtySecondsAndRampsANewTaskUpOverThirty() {
        for (TicketingService service : TicketingService.values()) {
            template.hasResourceProperties(
                    "AWS::ElasticLoadBalancingV2::TargetGroup",
                    Map.of(
                            "Port",
                            service.port(),
                            "TargetGroupAttributes",
                            Match.arrayWith(List.of(
                                    Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30"),
                                    Map.of("Key", "slow_start.duration_seconds", "Value", "30")))));
        }
    }

    @Test
    void scalesEachServiceFromOneToFourTasksAtFiftyPercentCpu() {
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 3);
        assertThat(template.findResources(
                        "AWS::ApplicationAutoScaling::ScalableTarget",
                        Map.of("Properties", Map.of("MinCapacity", 1, "MaxCapacity", 4))))
                .hasSize(3);
        assertThat(template.findResources(
                        "AWS::ApplicationAutoScaling::ScalingPolicy",
                        Map.of(
                                "Properties",
                                Map.of(
                                        "PolicyType",
                                        "TargetTrackingScaling",
                                        "TargetTrackingScalingPolicyConfiguration",
                                        Map.of(
                                                "TargetValue",
                                                50,
                                                "PredefinedMetricSpecification",
                                                Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"))))))
                .hasSize(3);
    }

    @Test
    void scalesAdmissionAndBookingOnTheAlbsRequestsPerTask() {
        int requests = prod.stacks().settings().requestsPerTarget();
        Map<String, Map<String, Object>> policies = template.findResources(
                "AWS::ApplicationAutoScaling::ScalingPolicy",
                Map.of(
                        "Properties",
                        Map.of(
                                "PolicyType",
                                "TargetTrackingScaling",
                                "TargetTrackingScalingPolicyConfiguration",
                                Map.of(
                                        "TargetValue",
                                        requests,
                                        "PredefinedMetricSpecification",
                                        Match.objectLike(
                                                Map.of("PredefinedMetricType", "ALBRequestCountPerTarget"))))));

        // one per player-facing service, each on its own target group (the resource label names the ALB and group)
        assertThat(policies).hasSize(2);
        String json = SynthesizedApp.json(policies);
        for (TicketingService service : List.of(TicketingService.ADMISSION, TicketingService.BOOKING)) {
            assertThat(json).contains(service.constructId());
        }
    }

    @Test
    void addsTasksAtOnceAsTheWaitingRoomFillsUp() {
        int perTask = prod.stacks().settings().waitingPerTask();
        Map<String, Map<String, Object>> steps = template.findResources(
                "AWS::ApplicationAutoScaling::ScalingPolicy",
                Map.of(
                        "Properties",
                        Map.of(
                                "PolicyType",
                                "StepScaling",
                                "StepScalingPolicyConfiguration",
                                Match.objectLike(Map.of("AdjustmentType", "ChangeInCapacity")))));
        assertThat(steps).hasSize(2);
        assertThat(SynthesizedApp.json(steps))
                .contains(TicketingService.ADMISSION.constructId())
                .contains(TicketingService.BOOKING.constructId())
                .doesNotContain(TicketingService.BOT_RUNNER.constructId());

        // the alarm that drives the steps reads the gauge admission publishes, as the CloudWatch registry names it
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Namespace",
                        Names.METRICS_NAMESPACE,
                        "MetricName",
                        "ticketing.queue.waiting.value",
                        "Statistic",
                        "Maximum",
                        "Period",
                        60,
                        "Threshold",
                        perTask,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold",
                        "EvaluationPeriods",
                        1));
        template.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalingPolicy",
                Map.of(
                        "PolicyType",
                        "StepScaling",
                        "StepScalingPolicyConfiguration",
                        Match.objectLike(Map.of(
                                "StepAdjustments",
                                Match.arrayWith(List.of(
                                        Match.objectLike(Map.of("ScalingAdjustment", 1)),
                                        Match.objectLike(Map.of("ScalingAdjustment", 2)),
                                        Match.objectLike(Map.of(
                                                "ScalingAdjustment",
                                                prod.stacks().settings().maxTasks()))))))));
    }

    @Test
    void keepsTheScheduledMinimumOfAKnownEventAndFallsBackAfterIt() {
        SynthesizedApp withEvent = SynthesizedApp.devWithScheduledEvent();
        Template events = withEvent.template(withEvent.stacks().services());
        int baseline = withEvent.stacks().settings().minTasks();

        assertThat(events.findResources(
                        "AWS::ApplicationAutoScaling::ScalableTarget",
                        Map.of(
                                "Properties",
                                Map.of(
                                        "ScheduledActions",
                                        Match.arrayWith(List.of(
                                                Match.objectLike(Map.of(
                                                        "Schedule",
                                                        "cron(50 11 ? * SAT *)",
                                                        "ScalableTargetAction",
                                                        Map.of("MinCapacity", 3))),
                                                Match.objectLike(Map.of(
                                                        "Schedule",
                                                        "cron(0 14 ? * SAT *)",
                                                        "ScalableTargetAction",
                                                        Map.of("MinCapacity", baseline)))))))))
                .hasSize(3);
        // no event configured: no scheduled actions
        assertThat(SynthesizedApp.json(template.findResources("AWS::ApplicationAutoScaling::ScalableTarget")))
                .doesNotContain("ScheduledActions");
    }

    @Test
    void runsEachServiceOnFargateInThePrivateSubnetsWithRollback() {
        for (TicketingService service : TicketingService.values()) {
            template.hasResourceProperties(
                    "AWS::ECS::Service",
                    Map.of(
                            "ServiceName",
                            service.id(),
                            "LaunchType",
                            "FARGATE",
                            "DeploymentConfiguration",
                            Map.of(
                                    "MinimumHealthyPercent",
                                    100,
                                    "DeploymentCircuitBreaker",
                                    Map.of("Enable", true, "Rollback", true)),
                            "NetworkConfiguration",
                            Map.of(
                                    "AwsvpcConfiguration",
                                    Map.of(
                                            "AssignPublicIp",
                                            "DISABLED",
                                            "Subnets",
                                            Match.arrayWith(List.of(Map.of(
                                                    "Fn::ImportValue",
                                                    Match.stringLikeRegexp(".*VpcprivateSubnet1.*"))))))));
        }
    }

    @Test
    void startsEachContainerWithTheAwsProfileOnItsPortAndALivenessCheck() {
        for (TicketingService service : TicketingService.values()) {
            template.hasResourceProperties(
                    "AWS::ECS::TaskDefinition",
                    Map.of(
                            "Family",
                            service.taskFamily(),
                            "ContainerDefinitions",
                            List.of(Match.objectLike(Map.of(
                                    "Name",
                                    service.id(),
                                    "Environment",
                                    Match.arrayWith(List.of(Map.of("Name", "SPRING_PROFILES_ACTIVE", "Value", "aws"))),
                                    "PortMappings",
                                    List.of(Map.of("ContainerPort", service.port())),
                                    "HealthCheck",
                                    Map.of(
                                            "Command",
                                            List.of(
                                                    "CMD-SHELL",
                                                    "curl -fsS http://localhost:" + service.port()
                                                            + "/actuator/health/liveness || exit 1")))))));
        }
    }

    @Test
    void letsEachContainerOpenASocketPerLiveStreamAndMore() {
        for (TicketingService service : TicketingService.values()) {
            assertThat(container(service).get("Ulimits"))
                    .as(service.id())
                    .isEqualTo(List.of(Map.of("Name", "nofile", "SoftLimit", 65_536, "HardLimit", 65_536)));
        }
    }

    @Test
    void pointsOnlyBookingAtTheDatabaseAndEveryServiceAtValkey() {
        String booking = taskDefinition(TicketingService.BOOKING);

        assertThat(booking)
                .contains("\"Name\":\"MYSQL_URL\"")
                .contains("jdbc:mysql://")
                .contains("\"Name\":\"TICKETING_DB_SECRET\",\"Value\":\"ticketing-warrior/database-booking\"")
                .contains("\"Name\":\"TICKETING_DB_MIGRATION_SECRET\",\"Value\":\"ticketing-warrior/database-flyway\"")
                .doesNotContain("\"Value\":\"ticketing-warrior/database\"")
                .contains("\"Name\":\"TICKETING_JWKS_URL\"")
                .contains("http://admission.ticketing.internal:8081/.well-known/jwks.json");
        // TLS is the aws profile's (AwsProfilesTests): the endpoint is a host and a port
        DataStack data = prod.stacks().data();
        String primary = data.getLogicalId(data.data().cache());
        for (TicketingService service : TicketingService.values()) {
            assertThat(taskDefinition(service))
                    .as(service.id())
                    .contains("\"Name\":\"REDIS_HOST\"")
                    .contains("\"Name\":\"REDIS_PORT\"")
                    .contains(primary + "PrimaryEndPointAddress")
                    .contains(primary + "PrimaryEndPointPort")
                    .doesNotContain("REDIS_URL");
        }
        assertThat(taskDefinition(TicketingService.ADMISSION)).doesNotContain("MYSQL");
        assertThat(taskDefinition(TicketingService.BOT_RUNNER)).doesNotContain("MYSQL");
    }

    @Test
    void pointsBookingAtAuroraOverTlsThatVerifiesTheServerAgainstTheRdsCas() {
        assertThat(taskDefinition(TicketingService.BOOKING))
                .contains("/ticketing?sslMode=VERIFY_IDENTITY"
                        + "&trustCertificateKeyStoreUrl=file:/app/rds-ca.p12"
                        + "&trustCertificateKeyStoreType=PKCS12"
                        + "&trustCertificateKeyStorePassword=changeit")
                .doesNotContain("sslMode=REQUIRED");
    }

    @Test
    void injectsEachSecretByTheEnvironmentVariableItStandsFor() {
        assertThat(taskDefinition(TicketingService.ADMISSION))
                .contains("\"Name\":\"TICKETING_SECRETS_PREFIX\",\"Value\":\"ticketing-warrior/\"")
                .contains(":TICKETING_OPS_TOKEN::")
                .contains(":TICKETING_BOT_KEY::")
                .contains(":TICKETING_TOKEN_KEYS::");
        assertThat(taskDefinition(TicketingService.BOOKING))
                .contains(":TICKETING_OPS_TOKEN::")
                .contains(":TICKETING_BOT_KEY::")
                .doesNotContain("TICKETING_TOKEN_KEYS");
        assertThat(taskDefinition(TicketingService.BOT_RUNNER))
                .contains(":TICKETING_OPS_TOKEN::")
                .contains(":TICKETING_BOT_KEY::")
                .doesNotContain("TICKETING_TOKEN_KEYS");
    }

    @Test
    void signsEveryServiceInToValkeyWithTheUserAndPasswordFromTheValkeySecret() {
        String secret = SynthesizedApp.logicalId(prod.stacks().data().data().valkeySecret());
        for (TicketingService service : TicketingService.values()) {
            Map<String, Object> container = container(service);
            String secrets = SynthesizedApp.json(container.get("Secrets"));

            for (String variable : List.of("REDIS_USERNAME", "REDIS_PASSWORD")) {
                assertThat(secrets)
                        .as(service.id())
                        .containsPattern("\\{\"Name\":\"" + variable
                                + "\",\"ValueFrom\":\\{\"Fn::Join\":\\[\"\",\\[\\{\"Fn::ImportValue\":\"[^\"]*" + secret
                                + "[^\"]*\"},\":" + variable + "::\"]]}}");
            }
            // never as a plain variable
            assertThat(SynthesizedApp.json(container.get("Environment")))
                    .as(service.id())
                    .doesNotContain("REDIS_PASSWORD")
                    .doesNotContain("REDIS_USERNAME");
        }
    }

    @Test
    void letsBookingUseOnlyTheConfirmationsQueueAndReadItsDeadLetters() {
        String queue = "FnGetAtt"
                + SynthesizedApp.logicalId(prod.stacks().data().data().confirmations()) + "Arn";
        String deadLetters = "FnGetAtt"
                + SynthesizedApp.logicalId(prod.stacks().data().data().confirmationsDeadLetters()) + "Arn";
        List<Map<String, Object>> sqs = statements(TicketingService.BOOKING).stream()
                .filter(statement ->
                        SynthesizedApp.json(statement.get("Action")).contains("sqs:"))
                .toList();

        assertThat(sqs).isNotEmpty();
        assertThat(sqs)
                .allSatisfy(statement -> assertThat(SynthesizedApp.json(statement.get("Resource")))
                        .containsAnyOf(queue, deadLetters));
        assertThat(SynthesizedApp.json(sqs))
                .contains("sqs:SendMessage")
                .contains("sqs:ReceiveMessage")
                .contains("sqs:DeleteMessage");
        // the redrive receives and deletes there; nothing ever sends to the dead-letter queue but SQS itself
        assertThat(sqs.stream()
                        .filter(statement ->
                                SynthesizedApp.json(statement.get("Resource")).contains(deadLetters)))
                .isNotEmpty()
                .allSatisfy(statement ->
                        assertThat(SynthesizedApp.json(statement.get("Action"))).doesNotContain("sqs:SendMessage"));
    }

    @Test
    void givesAdmissionAndBotRunnerNoQueueAccess() {
        assertThat(SynthesizedApp.json(statements(TicketingService.ADMISSION))).doesNotContain("sqs:");
        assertThat(SynthesizedApp.json(statements(TicketingService.BOT_RUNNER))).doesNotContain("sqs:");
    }

    @Test
    void letsEachTaskRoleReadOnlyItsOwnSecrets() {
        DataStack.Data data = prod.stacks().data().data();
        String opsToken = SynthesizedApp.logicalId(data.opsToken());
        String botKey = SynthesizedApp.logicalId(data.botKey());
        String signingKeys = SynthesizedApp.logicalId(data.tokenSigningKeys());
        String master = "DatabaseSecretAttachment";
        String app = "BookingUserAttachment";
        String migration = "FlywayUserAttachment";

        assertThat(secretResources(TicketingService.ADMISSION))
                .contains(opsToken)
                .contains(botKey)
                .contains(signingKeys)
                .doesNotContain("Attachment");
        assertThat(secretResources(TicketingService.BOOKING))
                .contains(app)
                .contains(migration)
                .contains(botKey)
                .contains(opsToken)
                .doesNotContain(master)
                .doesNotContain(signingKeys);
        String valkey = SynthesizedApp.logicalId(data.valkeySecret());
        for (TicketingService service : TicketingService.values()) {
            assertThat(secretResources(service)).as(service.id()).contains(valkey);
        }
        assertThat(secretResources(TicketingService.BOT_RUNNER))
                .contains(opsToken)
                .contains(botKey)
                .doesNotContain(signingKeys)
                .doesNotContain("Attachment");
    }

    @Test
    void letsEachTaskRoleWriteOnlyItsOwnLogGroupAndMetricsNamespace() {
        for (TicketingService service : TicketingService.values()) {
            String logGroup = SynthesizedApp.logicalId(
                    services.services().deployment(service).logGroup());
            List<Map<String, Object>> statements = statements(service);
            String logs = SynthesizedApp.json(statements.stream()
                    .filter(statement ->
                            SynthesizedApp.json(statement.get("Action")).contains("logs:"))
                    .toList());
            String metrics = SynthesizedApp.json(statements.stream()
                    .filter(statement ->
                            SynthesizedApp.json(statement.get("Action")).contains("cloudwatch:"))
                    .toList());

            assertThat(logs).as(service.id()).contains(logGroup);
            for (TicketingService other : TicketingService.values()) {
                if (other != service) {
                    assertThat(logs)
                            .as(service.id())
                            .doesNotContain(SynthesizedApp.logicalId(
                                    services.services().deployment(other).logGroup()));
                }
            }
            assertThat(metrics).as(service.id()).contains("\"cloudwatch:namespace\":\"TicketingWarrior\"");
        }
    }

    @Test
    void keepsServiceLogsForTheEnvironmentsRetention() {
        for (TicketingService service : TicketingService.values()) {
            template.hasResourceProperties(
                    "AWS::Logs::LogGroup", Map.of("LogGroupName", Names.logGroup(service), "RetentionInDays", 30));
            devTemplate.hasResourceProperties(
                    "AWS::Logs::LogGroup", Map.of("LogGroupName", Names.logGroup(service), "RetentionInDays", 7));
        }
    }

    @Test
    void enablesContainerInsightsAndServiceDiscovery() {
        template.hasResourceProperties(
                "AWS::ECS::Cluster",
                Map.of(
                        "ClusterName",
                        Names.CLUSTER,
                        "ClusterSettings",
                        List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        template.hasResourceProperties(
                "AWS::ServiceDiscovery::PrivateDnsNamespace", Map.of("Name", Names.SERVICE_NAMESPACE));
    }

    @Test
    void pullsEachServiceFromItsOwnImmutableScannedRepository() {
        Template registry = prod.template(prod.stacks().registry());

        registry.resourceCountIs("AWS::ECR::Repository", 3);
        for (TicketingService service : TicketingService.values()) {
            registry.hasResourceProperties(
                    "AWS::ECR::Repository",
                    Map.of(
                            "RepositoryName", service.repositoryName(),
                            "ImageTagMutability", "IMMUTABLE",
                            "ImageScanningConfiguration", Map.of("ScanOnPush", true)));
            assertThat(taskDefinition(service)).contains(service.constructId() + "Repository");
        }
    }

    private static void assertRule(TicketingService service, int priority, List<String> paths) {
        String targetGroup = targetGroupOf(service);
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                Map.of(
                        "Priority",
                        priority,
                        "Conditions",
                        Match.arrayWith(
                                List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", paths)))),
                        "Actions",
                        List.of(Map.of("Type", "forward", "TargetGroupArn", Map.of("Ref", targetGroup)))));
    }

    /** The http-header condition on the origin-verify value, resolved from its secret when CloudFormation deploys. */
    private static Map<String, Object> originVerifyCondition() {
        String secret = SynthesizedApp.logicalId(services.services().originVerify());
        return Map.of(
                "Field",
                "http-header",
                "HttpHeaderConfig",
                Map.of(
                        "HttpHeaderName",
                        "X-Origin-Verify",
                        "Values",
                        List.of(Map.of(
                                "Fn::Join",
                                List.of(
                                        "",
                                        List.of(
                                                "{{resolve:secretsmanager:",
                                                Map.of("Ref", secret),
                                                ":SecretString:::}}"))))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conditions(Map<String, Object> rule) {
        return (List<Map<String, Object>>) ((Map<String, Object>) rule.get("Properties")).get("Conditions");
    }

    @SuppressWarnings("unchecked")
    private static List<List<?>> conditionValues(Map<String, Object> rule) {
        return conditions(rule).stream()
                .<List<?>>map(condition -> condition.values().stream()
                        .filter(Map.class::isInstance)
                        .map(config -> (List<?>) ((Map<String, Object>) config).get("Values"))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    private static String targetGroupOf(TicketingService service) {
        return template.findResources(
                        "AWS::ElasticLoadBalancingV2::TargetGroup",
                        Map.of("Properties", Map.of("Port", service.port())))
                .keySet()
                .iterator()
                .next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(TicketingService service) {
        Map<String, Map<String, Object>> definitions = template.findResources(
                "AWS::ECS::TaskDefinition", Map.of("Properties", Map.of("Family", service.taskFamily())));
        assertThat(definitions).as(service.id()).hasSize(1);
        Map<String, Object> properties =
                (Map<String, Object>) definitions.values().iterator().next().get("Properties");
        return ((List<Map<String, Object>>) properties.get("ContainerDefinitions")).getFirst();
    }

    private static String taskDefinition(TicketingService service) {
        return SynthesizedApp.json(template.findResources(
                "AWS::ECS::TaskDefinition", Map.of("Properties", Map.of("Family", service.taskFamily()))));
    }

    /** The statements of the task role's policy (not the execution role's, which ECS itself uses). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(TicketingService service) {
        String role =
                SynthesizedApp.logicalId(services.services().deployment(service).taskRole());
        Map<String, Map<String, Object>> policies = template.findResources(
                "AWS::IAM::Policy", Map.of("Properties", Map.of("Roles", List.of(Map.of("Ref", role)))));
        assertThat(policies).as(service.id() + " task role policy").hasSize(1);
        Map<String, Object> properties =
                (Map<String, Object>) policies.values().iterator().next().get("Properties");
        Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
        return (List<Map<String, Object>>) document.get("Statement");
    }

    private static String secretResources(TicketingService service) {
        return statements(service).stream()
                .filter(statement ->
                        SynthesizedApp.json(statement.get("Action")).contains("secretsmanager:"))
                .map(statement -> SynthesizedApp.json(statement.get("Resource")))
                .collect(Collectors.joining("\n"));
    }
}
