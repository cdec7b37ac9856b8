package dev.ticketingwarrior.infrastructure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * {@code booking migrate}: booking's image run once per deploy, before the services roll out (docs/decisions/0017),
 * as a Fargate task of its own. It applies the Flyway migrations as the migration user and exits, 0 when the schema
 * is current, so the services' tasks start without MySQL and sign in as the application user only. No service, no
 * port, no health check: the deploy workflow runs the task definition and reads the container's exit code. Its task
 * role reads the migration user's secret and nothing else.
 */
final class BookingMigration extends Construct {

    /** The argument booking's entry point takes for the migration instead of the service. */
    static final String COMMAND = "migrate";
    /** A JVM that only runs Flyway over two connections: the smallest Fargate size that leaves it a roomy heap. */
    static final int CPU = 512;

    static final int MEMORY_MIB = 1024;

    /**
     * @param environment the variables of the {@code aws} profile of {@code migration-aws.yml} that only the stack
     *     knows (the database's URL, the secret's name); the profile and the region are added here
     * @param secret the migration user's secret, which the profile imports
     */
    record Spec(
            EnvironmentSettings settings, IRepository repository, Map<String, String> environment, ISecret secret) {}

    private final LogGroup logGroup;
    private final Role taskRole;
    private final FargateTaskDefinition taskDefinition;

    BookingMigration(Construct scope, String id, Spec spec) {
        super(scope, id);
        EnvironmentSettings settings = spec.settings();

        this.logGroup = TaskParts.logGroup(this, Names.BOOKING_MIGRATION_LOG_GROUP, settings);

        // the container's logs go through the execution role (ECS's awslogs driver): this role only reads the secret
        this.taskRole = TaskParts.taskRole(this, Names.BOOKING_MIGRATION + " tasks: only the migration user's secret");
        spec.secret().grantRead(taskRole);

        this.taskDefinition = TaskParts.taskDefinition(
                this,
                Names.BOOKING_MIGRATION_FAMILY,
                CPU,
                MEMORY_MIB,
                taskRole,
                "profile, region, the database URL and the secret's name; the profile reads the credentials from"
                        + " Secrets Manager itself");

        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("SPRING_PROFILES_ACTIVE", "aws");
        environment.put("AWS_REGION", Stack.of(this).getRegion());
        taskDefinition.addContainer(
                "Migrate",
                ContainerDefinitionOptions.builder()
                        .containerName(Names.BOOKING_MIGRATION)
                        .image(ContainerImage.fromEcrRepository(spec.repository(), settings.imageTag()))
                        .command(List.of(COMMAND))
                        .environment(environment)
                        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logGroup)
                                .streamPrefix(Names.BOOKING_MIGRATION)
                                .build()))
                        .build());
        Nag.suppress(
                taskDefinition.obtainExecutionRole(),
                "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken supports no resource-level permissions; image pulls are limited to"
                        + " booking's repository",
                "Resource::*");
    }

    IRole taskRole() {
        return taskRole;
    }

    LogGroup logGroup() {
        return logGroup;
    }

    FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }
}
