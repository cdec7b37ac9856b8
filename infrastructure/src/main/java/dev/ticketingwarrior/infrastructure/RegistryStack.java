package dev.ticketingwarrior.infrastructure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

/**
 * The ECR repositories, one per service. A stack of their own because images must be pushed before the ECS services
 * that run them can be created: deploy this, push, then deploy the rest.
 */
final class RegistryStack extends Stack {

    static final int KEPT_IMAGES = 30;

    private final Map<TicketingService, IRepository> repositories = new EnumMap<>(TicketingService.class);

    RegistryStack(Construct scope, String id, StackProps stackProps) {
        super(scope, id, stackProps);
        for (TicketingService service : TicketingService.values()) {
            repositories.put(
                    service,
                    Repository.Builder.create(this, service.constructId() + "Repository")
                            .repositoryName(service.repositoryName())
                            .imageScanOnPush(true)
                            // images are tagged with the git sha: a tag always means the same code
                            .imageTagMutability(TagMutability.IMMUTABLE)
                            .lifecycleRules(List.of(LifecycleRule.builder()
                                    .description("keep the last " + KEPT_IMAGES + " images for rollbacks")
                                    .maxImageCount(KEPT_IMAGES)
                                    .build()))
                            .removalPolicy(RemovalPolicy.RETAIN)
                            .build());
        }
    }

    Map<TicketingService, IRepository> repositories() {
        return Map.copyOf(repositories);
    }
}
