package dev.ticketingwarrior.infrastructure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Ulimit;
import software.amazon.awscdk.services.ecs.UlimitName;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * One service on Fargate: its log group, its own task role (its secrets, its log group, metrics in our namespace,
 * nothing else), the task definition with the container's health check, the ECS service in the private tier and its
 * scaling: CPU target tracking, steps on the waiting room's length, scheduled minimums for known events (and the
 * ALB's requests per target, added by {@link ServicesStack} once the target group exists).
 */
final class ServiceDeployment extends Construct {

    static final String READINESS_PATH = "/actuator/health/readiness";
    static final String LIVENESS_PATH = "/actuator/health/liveness";
    /** Open files per container: a socket per live event stream (20,000 an admission task), the rest to spare. */
    static final int OPEN_FILES = 65_536;

    /** A secret handed to the container as an environment variable: one JSON field of the secret. */
    record SecretEnv(ISecret secret, String field) {}

    record Spec(
            TicketingService service,
            EnvironmentSettings settings,
            Cluster cluster,
            IRepository repository,
            SecurityGroup securityGroup,
            Map<String, String> environment,
            Map<String, SecretEnv> secrets,
            List<ISecret> importedSecrets,
            boolean discoverable) {}

    private final TicketingService service;
    private final LogGroup logGroup;
    private final Role taskRole;
    private final FargateService fargateService;
    private final ScalableTaskCount scaling;

    ServiceDeployment(Construct scope, String id, Spec spec) {
        super(scope, id);
        this.service = spec.service();
        EnvironmentSettings settings = spec.settings();

        this.logGroup = TaskParts.logGroup(this, Names.logGroup(service), settings);

        this.taskRole = TaskParts.taskRole(this, service.id() + " tasks: only its own secrets, log group and queue");
        logGroup.grantWrite(taskRole);
        // the aws profile also reads its secrets itself (spring.config.import), e.g. booking's database credentials
        Stream.concat(spec.secrets().values().stream().map(SecretEnv::secret), spec.importedSecrets().stream())
                .distinct()
                .forEach(secret -> secret.grantRead(taskRole));
        // PutMetricData has no resource-level permissions: the namespace condition is the scope
        taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", Names.METRICS_NAMESPACE)))
                .build());
        Nag.suppress(
                taskRole,
                "AwsSolutions-IAM5",
                "cloudwatch:PutMetricData supports no resource-level permissions; the cloudwatch:namespace"
                        + " condition limits it to " + Names.METRICS_NAMESPACE,
                "Resource::*");

        FargateTaskDefinition taskDefinition = TaskParts.taskDefinition(
                this,
                service.taskFamily(),
                settings.taskCpu(),
                settings.taskMemoryMiB(),
                taskRole,
                "profile, port, endpoints, namespace; credentials and keys are injected from Secrets Manager");

        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("SPRING_PROFILES_ACTIVE", "aws");
        environment.put(service.id().toUpperCase().replace('-', '_') + "_PORT", Integer.toString(service.port()));
        environment.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", Names.METRICS_NAMESPACE);
        environment.put("AWS_REGION", Stack.of(this).getRegion());
        Map<String, Secret> secrets = new HashMap<>();
        spec.secrets()
                .forEach((name, secret) ->
                        secrets.put(name, Secret.fromSecretsManager(secret.secret(), secret.field())));

        taskDefinition.addContainer(
                "App",
                ContainerDefinitionOptions.builder()
                        .containerName(service.id())
                        .image(ContainerImage.fromEcrRepository(spec.repository(), settings.imageTag()))
                        .portMappings(List.of(PortMapping.builder()
                                .containerPort(service.port())
                                .build()))
                        .environment(environment)
                        .secrets(secrets)
                        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logGroup)
                                .streamPrefix(service.id())
                                .build()))
                        // liveness restarts a wedged JVM; readiness is the ALB's check, and ECS replaces a task that
                        // fails that too: both hold only the instance's own state (docs/decisions/0016)
                        .healthCheck(HealthCheck.builder()
                                .command(List.of(
                                        "CMD-SHELL",
                                        "curl -fsS http://localhost:" + service.port() + LIVENESS_PATH + " || exit 1"))
                                .interval(Duration.seconds(30))
                                .timeout(Duration.seconds(5))
                                .retries(3)
                                .startPeriod(Duration.seconds(90))
                                .build())
                        .stopTimeout(Duration.seconds(30))
                        .ulimits(List.of(Ulimit.builder()
                                .name(UlimitName.NOFILE)
                                .softLimit(OPEN_FILES)
                                .hardLimit(OPEN_FILES)
                                .build()))
                        .build());

        FargateService.Builder builder = FargateService.Builder.create(this, "Service")
                .serviceName(service.id())
                .cluster(spec.cluster())
                .taskDefinition(taskDefinition)
                .desiredCount(settings.minTasks())
                .securityGroups(List.of(spec.securityGroup()))
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .build())
                .assignPublicIp(false)
                // rolling update that never drops below the running count, rolled back if tasks keep failing
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(
                        DeploymentCircuitBreaker.builder().rollback(true).build())
                .healthCheckGracePeriod(Duration.seconds(120));
        if (spec.discoverable()) {
            builder.cloudMapOptions(CloudMapOptions.builder()
                    .name(service.id())
                    .dnsTtl(Duration.seconds(10))
                    .build());
        }
        this.fargateService = builder.build();
        Nag.suppress(
                taskDefinition.obtainExecutionRole(),
                "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken supports no resource-level permissions; image pulls are limited to this"
                        + " service's repository",
                "Resource::*");

        this.scaling = fargateService.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(settings.minTasks())
                .maxCapacity(settings.maxTasks())
                .build());
        // CPU alone reacts after a round's surge is over; the ALB's requests per target (ServicesStack) and, for the
        // services players reach from the waiting room, its length lead it
        scaling.scaleOnCpuUtilization(
                "CpuTarget",
                CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(settings.cpuTargetPercent())
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.seconds(300))
                        .build());
        if (service != TicketingService.BOT_RUNNER) {
            scaleOnWaitingRoom(settings);
        }
        // known surges: the tasks are there, warm, before the first round of the event opens
        for (EnvironmentSettings.ScheduledEvent event : settings.scheduledEvents()) {
            scaling.scaleOnSchedule(
                    "Event" + event.name() + "Start",
                    ScalingSchedule.builder()
                            .schedule(Schedule.expression(event.start()))
                            .minCapacity(event.minTasks())
                            .build());
            scaling.scaleOnSchedule(
                    "Event" + event.name() + "End",
                    ScalingSchedule.builder()
                            .schedule(Schedule.expression(event.end()))
                            .minCapacity(settings.minTasks())
                            .build());
        }
    }

    /**
     * Players waiting in the round's waiting room are the load admission and booking get next. Admission publishes
     * the length ({@code ticketing.queue.waiting}, the same for every task: the round's count in Redis); every
     * {@code waitingPerTask} waiting players above the first adds a task at once, up to {@code maxTasks}. Scale-in is
     * left to the target tracking policies, which only scale in when all of them agree.
     */
    private void scaleOnWaitingRoom(EnvironmentSettings settings) {
        int perTask = settings.waitingPerTask();
        scaling.scaleOnMetric(
                "WaitingRoomSteps",
                BasicStepScalingPolicyProps.builder()
                        .metric(waitingRoomLength())
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .scalingSteps(List.of(
                                ScalingInterval.builder()
                                        .upper(perTask)
                                        .change(0)
                                        .build(),
                                ScalingInterval.builder()
                                        .lower(perTask)
                                        .upper(2 * perTask)
                                        .change(1)
                                        .build(),
                                ScalingInterval.builder()
                                        .lower(2 * perTask)
                                        .upper(4 * perTask)
                                        .change(2)
                                        .build(),
                                ScalingInterval.builder()
                                        .lower(4 * perTask)
                                        .change(settings.maxTasks())
                                        .build()))
                        .evaluationPeriods(1)
                        .cooldown(Duration.seconds(60))
                        .build());
    }

    /** The gauge as Micrometer's CloudWatch registry publishes it: admission adds no tags, so it has no dimensions. */
    static Metric waitingRoomLength() {
        return Metric.Builder.create()
                .namespace(Names.METRICS_NAMESPACE)
                .metricName(MonitoringStack.QUEUE_WAITING)
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
    }

    /** Scales on the ALB's requests per task of this service's target group (created with the listener rules). */
    void scaleOnRequests(ApplicationTargetGroup targetGroup, int requestsPerTarget) {
        scaling.scaleOnRequestCount(
                "RequestsTarget",
                RequestCountScalingProps.builder()
                        .targetGroup(targetGroup)
                        .requestsPerTarget(requestsPerTarget)
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.seconds(300))
                        .build());
    }

    TicketingService service() {
        return service;
    }

    IRole taskRole() {
        return taskRole;
    }

    LogGroup logGroup() {
        return logGroup;
    }

    FargateService fargateService() {
        return fargateService;
    }
}
