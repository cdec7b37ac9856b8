package dev.ticketingwarrior.infrastructure;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * What every Fargate task of this app is made of, the services' ({@link ServiceDeployment}) and booking's migration
 * ({@link BookingMigration}) alike: a log group with the environment's retention, a task role of its own that starts
 * with no permission, and a Linux x86-64 task definition whose plain environment variables carry no secret.
 */
final class TaskParts {

    private TaskParts() {}

    static LogGroup logGroup(Construct scope, String name, EnvironmentSettings settings) {
        return LogGroup.Builder.create(scope, "Logs")
                .logGroupName(name)
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    static Role taskRole(Construct scope, String description) {
        return Role.Builder.create(scope, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description(description)
                .build();
    }

    /** {@code environment}: what its plain environment variables carry, for the cdk-nag finding they raise. */
    static FargateTaskDefinition taskDefinition(
            Construct scope, String family, int cpu, int memoryMiB, IRole taskRole, String environment) {
        FargateTaskDefinition taskDefinition = FargateTaskDefinition.Builder.create(scope, "Task")
                .family(family)
                .cpu(cpu)
                .memoryLimitMiB(memoryMiB)
                .taskRole(taskRole)
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .build())
                .build();
        Nag.suppress(
                taskDefinition,
                "AwsSolutions-ECS2",
                "Plain environment variables carry only non-secret settings (" + environment + ")");
        return taskDefinition;
    }
}
