package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.IRole;

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
                // the deploy's migration task migrates the schema; the service's tasks never see its user
                .doesNotContain("TICKETING_DB_MIGRATION_SECRET")
                .doesNotContain(Names.DATABASE_MIGRATION_SECRET)
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
                .doesNotContain(migration)
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

    @Test
    void definesBookingsMigrationAsATaskOfBookingsImageThatRunsMigrate() {
        Map<String, Object> properties = migrationTaskDefinition();
        assertThat(properties)
                .containsEntry("Family", "ticketing-warrior-booking-migration")
                .containsEntry("Cpu", "512")
                .containsEntry("Memory", "1024")
                .containsEntry("NetworkMode", "awsvpc")
                .containsEntry("RequiresCompatibilities", List.of("FARGATE"));
        // its own role, not booking's
        assertThat(SynthesizedApp.json(properties.get("TaskRoleArn")))
                .contains(SynthesizedApp.logicalId(services.bookingMigration().taskRole()))
                .doesNotContain(SynthesizedApp.logicalId(
                        services.services().deployment(TicketingService.BOOKING).taskRole()));

        List<Map<String, Object>> containers = list(properties.get("ContainerDefinitions"));
        assertThat(containers).hasSize(1);
        Map<String, Object> container = containers.getFirst();
        assertThat(container)
                .containsEntry("Name", "booking-migration")
                .containsEntry("Command", List.of("migrate"))
                .containsEntry("Essential", true)
                // it serves nothing: no port, no health check (it exits when the schema is current)
                .doesNotContainKey("PortMappings")
                .doesNotContainKey("HealthCheck")
                .doesNotContainKey("Secrets");
        // the same repository and tag as booking's service, which the deploy renders with the new image
        String image = SynthesizedApp.json(container.get("Image"));
        assertThat(image)
                .contains(TicketingService.BOOKING.constructId() + "Repository")
                .isEqualTo(
                        SynthesizedApp.json(container(TicketingService.BOOKING).get("Image")));
    }

    @Test
    void everyServiceTrustsTheVpcsAddressesToNameTheClientOfItsLimits() {
        // the ALB is in the VPC: a service believes X-Forwarded-For and CloudFront's header only from there, so each
        // player is counted by its own address, not every player by the ALB node's (SPEC §9 per-client limits)
        String vpc = prod.stacks().settings().vpcCidr();
        assertThat(environment(container(TicketingService.ADMISSION))).containsEntry("ADMISSION_TRUSTED_PROXIES", vpc);
        assertThat(environment(container(TicketingService.BOOKING))).containsEntry("BOOKING_TRUSTED_PROXIES", vpc);
        assertThat(environment(container(TicketingService.BOT_RUNNER))).containsEntry("BOTS_TRUSTED_PROXIES", vpc);
    }

    @Test
    void givesTheMigrationExactlyWhatMigrationAwsYmlReads() {
        Map<String, Object> environment = migrationEnvironment();

        assertThat(environment)
                .containsOnlyKeys("SPRING_PROFILES_ACTIVE", "MYSQL_URL", "TICKETING_DB_MIGRATION_SECRET", "AWS_REGION")
                .containsEntry("SPRING_PROFILES_ACTIVE", "aws")
                .containsEntry("TICKETING_DB_MIGRATION_SECRET", "ticketing-warrior/database-flyway")
                .containsEntry("AWS_REGION", prod.stacks().settings().region());
        // the same TLS-verifying cluster URL as booking's service
        assertThat(SynthesizedApp.json(environment.get("MYSQL_URL")))
                .isEqualTo(SynthesizedApp.json(
                        environment(container(TicketingService.BOOKING)).get("MYSQL_URL")));
    }

    @Test
    void letsOnlyTheMigrationTaskReadTheMigrationUsersSecretAndNothingElse() {
        DataStack.Data data = prod.stacks().data().data();
        List<Map<String, Object>> statements =
                statements(services.bookingMigration().taskRole(), "booking-migration");

        assertThat(statements)
                .allSatisfy(statement -> assertThat(SynthesizedApp.json(statement.get("Action")))
                        .doesNotContain("logs:")
                        .doesNotContain("cloudwatch:")
                        .doesNotContain("sqs:")
                        .contains("secretsmanager:"));
        assertThat(secretResources(statements))
                .contains("FlywayUserAttachment")
                .doesNotContain("BookingUserAttachment")
                .doesNotContain("DatabaseSecretAttachment")
                .doesNotContain(SynthesizedApp.logicalId(data.valkeySecret()))
                .doesNotContain(SynthesizedApp.logicalId(data.opsToken()))
                .doesNotContain(SynthesizedApp.logicalId(data.botKey()));
        for (TicketingService service : TicketingService.values()) {
            assertThat(secretResources(service)).as(service.id()).doesNotContain("FlywayUserAttachment");
        }
    }

    @Test
    void logsTheMigrationToItsOwnGroupForTheEnvironmentsRetention() {
        String logGroup = SynthesizedApp.logicalId(services.bookingMigration().logGroup());

        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/ticketing-warrior/booking-migration", "RetentionInDays", 30));
        devTemplate.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/ticketing-warrior/booking-migration", "RetentionInDays", 7));
        Map<String, Object> logging = map(list(migrationTaskDefinition().get("ContainerDefinitions"))
                .getFirst()
                .get("LogConfiguration"));
        assertThat(logging).containsEntry("LogDriver", "awslogs");
        assertThat(map(logging.get("Options")))
                .containsEntry("awslogs-group", Map.of("Ref", logGroup))
                .containsEntry("awslogs-stream-prefix", "booking-migration");
    }

    @Test
    void letsTheMigrationTaskReachTheDatabaseOnItsPortAndNothingReachIt() {
        NetworkStack.SecurityGroups groups = prod.stacks().network().network().securityGroups();
        Template network = prod.template(prod.stacks().network());
        String migration = SynthesizedApp.logicalId(groups.bookingMigration());
        String database = SynthesizedApp.logicalId(groups.database());

        assertThat(network.findResources(
                        "AWS::EC2::SecurityGroupIngress",
                        Map.of(
                                "Properties",
                                Map.of(
                                        "GroupId",
                                        Map.of("Fn::GetAtt", List.of(database, "GroupId")),
                                        "FromPort",
                                        NetworkStack.MYSQL_PORT,
                                        "ToPort",
                                        NetworkStack.MYSQL_PORT,
                                        "SourceSecurityGroupId",
                                        Map.of("Fn::GetAtt", List.of(migration, "GroupId"))))))
                .hasSize(1);
        assertThat(network.findResources(
                        "AWS::EC2::SecurityGroupIngress",
                        Map.of("Properties", Map.of("GroupId", Map.of("Fn::GetAtt", List.of(migration, "GroupId"))))))
                .isEmpty();
        // out: MySQL to the database's group, and AWS APIs (ECR, Secrets Manager, logs) over HTTPS; nothing else
        String egress = SynthesizedApp.json(
                        network.findResources("AWS::EC2::SecurityGroup").get(migration))
                + SynthesizedApp.json(network.findResources(
                        "AWS::EC2::SecurityGroupEgress",
                        Map.of("Properties", Map.of("GroupId", Map.of("Fn::GetAtt", List.of(migration, "GroupId"))))));
        assertThat(egress)
                .contains("\"FromPort\":443")
                .contains("\"FromPort\":3306")
                .doesNotContain("\"IpProtocol\":\"-1\"");
    }

    @Test
    void exportsWhatTheDeployNeedsToRunTheMigration() {
        template.hasOutput(
                ServicesStack.MIGRATION_TASK_FAMILY_OUTPUT, Map.of("Value", "ticketing-warrior-booking-migration"));
        String migration = SynthesizedApp.logicalId(
                prod.stacks().network().network().securityGroups().bookingMigration());
        template.hasOutput(
                ServicesStack.MIGRATION_SECURITY_GROUP_OUTPUT,
                Map.of("Value", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*" + migration + ".*"))));
        template.hasOutput(
                ServicesStack.PRIVATE_SUBNETS_OUTPUT,
                Map.of(
                        "Value",
                        Map.of(
                                "Fn::Join",
                                List.of(
                                        ",",
                                        List.of(
                                                Map.of(
                                                        "Fn::ImportValue",
                                                        Match.stringLikeRegexp(".*VpcprivateSubnet1.*")),
                                                Map.of(
                                                        "Fn::ImportValue",
                                                        Match.stringLikeRegexp(".*VpcprivateSubnet2.*")))))));
        // the names deploy.yml reads (WorkflowsTests checks it reads these)
        assertThat(List.of(
                        ServicesStack.MIGRATION_TASK_FAMILY_OUTPUT,
                        ServicesStack.PRIVATE_SUBNETS_OUTPUT,
                        ServicesStack.MIGRATION_SECURITY_GROUP_OUTPUT))
                .containsExactly("BookingMigrationTaskFamily", "PrivateSubnetIds", "BookingMigrationSecurityGroupId");
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

    /** The migration task definition's properties, found by the family the deploy workflow fetches. */
    private static Map<String, Object> migrationTaskDefinition() {
        Map<String, Map<String, Object>> definitions = template.findResources(
                "AWS::ECS::TaskDefinition", Map.of("Properties", Map.of("Family", Names.BOOKING_MIGRATION_FAMILY)));
        assertThat(definitions).as(Names.BOOKING_MIGRATION_FAMILY).hasSize(1);
        return map(definitions.values().iterator().next().get("Properties"));
    }

    private static Map<String, Object> migrationEnvironment() {
        return environment(
                list(migrationTaskDefinition().get("ContainerDefinitions")).getFirst());
    }

    /** A container's plain environment variables by name. */
    private static Map<String, Object> environment(Map<String, Object> container) {
        Map<String, Object> environment = new HashMap<>();
        for (Map<String, Object> variable : list(container.get("Environment"))) {
            environment.put((String) variable.get("Name"), variable.get("Value"));
        }
        return environment;
    }

    /** The statements of the task role's policy (not the execution role's, which ECS itself uses). */
    private static List<Map<String, Object>> statements(TicketingService service) {
        return statements(services.services().deployment(service).taskRole(), service.id());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(IRole taskRole, String name) {
        String role = SynthesizedApp.logicalId(taskRole);
        Map<String, Map<String, Object>> policies = template.findResources(
                "AWS::IAM::Policy", Map.of("Properties", Map.of("Roles", List.of(Map.of("Ref", role)))));
        assertThat(policies).as(name + " task role policy").hasSize(1);
        Map<String, Object> properties =
                (Map<String, Object>) policies.values().iterator().next().get("Properties");
        Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
        return (List<Map<String, Object>>) document.get("Statement");
    }

    private static String secretResources(TicketingService service) {
        return secretResources(statements(service));
    }

    private static String secretResources(List<Map<String, Object>> statements) {
        return statements.stream()
                .filter(statement ->
                        SynthesizedApp.json(statement.get("Action")).contains("secretsmanager:"))
                .map(statement -> SynthesizedApp.json(statement.get("Resource")))
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
