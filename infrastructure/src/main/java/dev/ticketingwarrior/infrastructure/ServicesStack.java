package dev.ticketingwarrior.infrastructure;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.servicediscovery.NamespaceType;
import software.constructs.Construct;

/**
 * The ECS cluster, the three Fargate services, booking's schema migration task (run by the deploy, not a service) and
 * the public ALB that routes {@code /api/*} between them by path.
 */
final class ServicesStack extends Stack {

    /**
     * One ALB listener rule: paths to one service. The specific admission and bot paths come before booking's
     * catch-all {@code /api/*}. A condition takes at most three values and a rule five match evaluations (ALB quotas),
     * so admission's four path patterns need two rules.
     */
    record Route(TicketingService service, int priority, List<String> paths) {}

    static final List<Route> ROUTES = List.of(
            new Route(TicketingService.ADMISSION, 10, List.of("/api/v1/queue*", "/api/v1/clock", "/.well-known*")),
            new Route(TicketingService.ADMISSION, 11, List.of("/api/v1/admin*")),
            new Route(TicketingService.BOT_RUNNER, 20, List.of("/api/v1/bots*")),
            new Route(TicketingService.BOOKING, 30, List.of("/api/*")));

    record Props(
            EnvironmentSettings settings,
            NetworkStack.Network network,
            DataStack.Data data,
            Map<TicketingService, IRepository> repositories) {}

    /** Requests that carry CloudFront's header but match no route: a problem+json 404 like the services' own. */
    static final int NOT_FOUND_PRIORITY = 100;

    /**
     * What the edge and the monitoring read. {@code originVerify} is the value CloudFront must send in
     * {@link Names#ORIGIN_VERIFY_HEADER}: the ALB forwards nothing without it.
     */
    record Services(
            ApplicationLoadBalancer loadBalancer,
            ISecret originVerify,
            Map<TicketingService, ServiceDeployment> deployments) {

        ServiceDeployment deployment(TicketingService service) {
            return deployments.get(service);
        }
    }

    static final String MIGRATION_TASK_FAMILY_OUTPUT = "BookingMigrationTaskFamily";
    static final String PRIVATE_SUBNETS_OUTPUT = "PrivateSubnetIds";
    static final String MIGRATION_SECURITY_GROUP_OUTPUT = "BookingMigrationSecurityGroupId";

    private final Services services;
    private final BookingMigration bookingMigration;

    ServicesStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        EnvironmentSettings settings = props.settings();
        IVpc vpc = props.network().vpc();
        NetworkStack.SecurityGroups groups = props.network().securityGroups();
        DataStack.Data data = props.data();

        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(Names.CLUSTER)
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .defaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name(Names.SERVICE_NAMESPACE)
                        .type(NamespaceType.DNS_PRIVATE)
                        .vpc(vpc)
                        .build())
                .build();

        String admissionUrl = internalUrl(TicketingService.ADMISSION);
        ServiceDeployment.SecretEnv opsToken = new ServiceDeployment.SecretEnv(data.opsToken(), Names.OPS_TOKEN_ENV);
        ServiceDeployment.SecretEnv botKey = new ServiceDeployment.SecretEnv(data.botKey(), Names.BOT_KEY_ENV);
        ServiceDeployment.SecretEnv tokenKeys =
                new ServiceDeployment.SecretEnv(data.tokenSigningKeys(), Names.TOKEN_KEYS_ENV);
        // every service signs in to Valkey as the services' user (DataStack); the aws profiles read these
        Map<String, ServiceDeployment.SecretEnv> valkeyUser = Map.of(
                Names.VALKEY_USERNAME_ENV,
                new ServiceDeployment.SecretEnv(data.valkeySecret(), Names.VALKEY_USERNAME_ENV),
                Names.VALKEY_PASSWORD_ENV,
                new ServiceDeployment.SecretEnv(data.valkeySecret(), Names.VALKEY_PASSWORD_ENV));
        Map<String, String> valkeyEndpoint = Map.of("REDIS_HOST", data.redisHost(), "REDIS_PORT", data.redisPort());
        Map<TicketingService, ServiceDeployment> deployments = new EnumMap<>(TicketingService.class);
        deployments.put(
                TicketingService.ADMISSION,
                deploy(
                        props,
                        cluster,
                        TicketingService.ADMISSION,
                        with(
                                valkeyEndpoint,
                                Map.of(
                                        "TICKETING_SECRETS_PREFIX",
                                        Names.SECRETS_PREFIX,
                                        // the client address for rate limits is the one the ALB (in this VPC) saw
                                        "ADMISSION_TRUSTED_PROXIES",
                                        settings.vpcCidr())),
                        with(
                                valkeyUser,
                                Map.of(
                                        Names.OPS_TOKEN_ENV, opsToken,
                                        Names.BOT_KEY_ENV, botKey,
                                        Names.TOKEN_KEYS_ENV, tokenKeys)),
                        List.of(),
                        true));
        deployments.put(
                TicketingService.BOOKING,
                deploy(
                        props,
                        cluster,
                        TicketingService.BOOKING,
                        with(
                                valkeyEndpoint,
                                Map.of(
                                        "MYSQL_URL",
                                        data.mysqlUrl(),
                                        // the aws profile imports the pool's credentials from this secret: the
                                        // application user's (read again when MySQL refuses it after a rotation).
                                        // Not the migration user's: the deploy's migration task (below) owns the DDL
                                        "TICKETING_DB_SECRET",
                                        Names.DATABASE_APP_SECRET,
                                        "TICKETING_JWKS_URL",
                                        admissionUrl + "/.well-known/jwks.json",
                                        // the client address for the ops API's failed-authentication limit, as in
                                        // admission
                                        "BOOKING_TRUSTED_PROXIES",
                                        settings.vpcCidr())),
                        // the ops token guards the dead-letter redrive
                        with(valkeyUser, Map.of(Names.OPS_TOKEN_ENV, opsToken, Names.BOT_KEY_ENV, botKey)),
                        List.of(data.databaseAppSecret()),
                        true));
        deployments.put(
                TicketingService.BOT_RUNNER,
                deploy(
                        props,
                        cluster,
                        TicketingService.BOT_RUNNER,
                        with(
                                valkeyEndpoint,
                                Map.of(
                                        "ADMISSION_URL",
                                        admissionUrl,
                                        "BOOKING_URL",
                                        internalUrl(TicketingService.BOOKING),
                                        // the client address for the public settings' and the control API's
                                        // limits, as in admission
                                        "BOTS_TRUSTED_PROXIES",
                                        settings.vpcCidr())),
                        with(valkeyUser, Map.of(Names.OPS_TOKEN_ENV, opsToken, Names.BOT_KEY_ENV, botKey)),
                        List.of(),
                        false));
        // booking is the only producer and consumer of confirmations, and the only reader of the dead-letter queue
        // (its ops redrive moves messages back: receive and delete there, send to the queue)
        data.confirmations()
                .grantSendMessages(deployments.get(TicketingService.BOOKING).taskRole());
        data.confirmations()
                .grantConsumeMessages(deployments.get(TicketingService.BOOKING).taskRole());
        data.confirmationsDeadLetters()
                .grantConsumeMessages(deployments.get(TicketingService.BOOKING).taskRole());

        // booking's schema is migrated once per deploy, before any task of the new image starts (deploy.yml runs this
        // task definition), so that a booking task starts while MySQL is down (docs/decisions/0017)
        this.bookingMigration = new BookingMigration(
                this,
                "BookingMigration",
                new BookingMigration.Spec(
                        settings,
                        props.repositories().get(TicketingService.BOOKING),
                        Map.of(
                                "MYSQL_URL",
                                data.mysqlUrl(),
                                "TICKETING_DB_MIGRATION_SECRET",
                                Names.DATABASE_MIGRATION_SECRET),
                        data.databaseMigrationSecret()));

        ApplicationLoadBalancer loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(vpc)
                .internetFacing(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(groups.loadBalancer())
                .dropInvalidHeaderFields(true)
                // waiting-room event streams stay open between position updates
                .idleTimeout(Duration.seconds(120))
                .build();
        loadBalancer.logAccessLogs(accessLogs(settings), "alb");
        // Only CloudFront's origin-facing servers reach the ALB (NetworkStack), but so could anyone's distribution:
        // the header carries a value only ours knows. Without it every request gets the default 403.
        ISecret originVerify = Secret.Builder.create(this, "OriginVerify")
                .secretName(Names.ORIGIN_VERIFY_SECRET)
                .description("Value of " + Names.ORIGIN_VERIFY_HEADER + ", added by CloudFront, required by the ALB")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        // letters and digits only: an ALB header condition reads * and ? as wildcards
                        .excludePunctuation(true)
                        .build())
                .build();
        Nag.suppress(
                originVerify,
                "AwsSolutions-SMG4",
                "CloudFormation copies the value into the CloudFront origin and the ALB rules only when it deploys"
                        + " them, so a scheduled rotation would lock CloudFront out; ops rotate it by the README's steps");
        ListenerCondition fromCloudFront = ListenerCondition.httpHeader(
                Names.ORIGIN_VERIFY_HEADER,
                List.of(originVerify.getSecretValue().unsafeUnwrap()));
        ApplicationListener listener = listener(settings, loadBalancer);
        Map<TicketingService, ApplicationTargetGroup> targetGroups = new EnumMap<>(TicketingService.class);
        for (Route route : ROUTES) {
            route(listener, deployments.get(route.service()), route, fromCloudFront, targetGroups);
        }
        // players' traffic leads CPU: scale admission and booking on requests per task (bot-runner serves only ops)
        for (TicketingService service : List.of(TicketingService.ADMISSION, TicketingService.BOOKING)) {
            deployments.get(service).scaleOnRequests(targetGroups.get(service), settings.requestsPerTarget());
        }
        listener.addAction(
                "NotFound",
                AddApplicationActionProps.builder()
                        .priority(NOT_FOUND_PRIORITY)
                        .conditions(List.of(fromCloudFront))
                        .action(problem(404, "Not Found"))
                        .build());

        CfnOutput.Builder.create(this, "LoadBalancerDnsName")
                .value(loadBalancer.getLoadBalancerDnsName())
                .description("Point apiOriginDomain (the name on the certificate) at this")
                .build();
        CfnOutput.Builder.create(this, "ClusterName")
                .value(cluster.getClusterName())
                .build();
        // what deploy.yml needs to run the migration task (aws ecs run-task) where the services run
        CfnOutput.Builder.create(this, MIGRATION_TASK_FAMILY_OUTPUT)
                .value(bookingMigration.taskDefinition().getFamily())
                .description("Task definition family of booking migrate, run by the deploy before the rollout")
                .build();
        CfnOutput.Builder.create(this, PRIVATE_SUBNETS_OUTPUT)
                .value(Fn.join(
                        ",",
                        vpc.selectSubnets(SubnetSelection.builder()
                                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                        .build())
                                .getSubnetIds()))
                .description("The private subnets the tasks run in, comma-separated")
                .build();
        CfnOutput.Builder.create(this, MIGRATION_SECURITY_GROUP_OUTPUT)
                .value(groups.bookingMigration().getSecurityGroupId())
                .description("Security group of the migration task: MySQL and HTTPS out, nothing in")
                .build();

        this.services = new Services(loadBalancer, originVerify, Map.copyOf(deployments));
    }

    Services services() {
        return services;
    }

    BookingMigration bookingMigration() {
        return bookingMigration;
    }

    private ServiceDeployment deploy(
            Props props,
            Cluster cluster,
            TicketingService service,
            Map<String, String> environment,
            Map<String, ServiceDeployment.SecretEnv> secrets,
            List<ISecret> importedSecrets,
            boolean discoverable) {
        return new ServiceDeployment(
                this,
                service.constructId(),
                new ServiceDeployment.Spec(
                        service,
                        props.settings(),
                        cluster,
                        props.repositories().get(service),
                        props.network().securityGroups().service(service),
                        environment,
                        secrets,
                        importedSecrets,
                        discoverable));
    }

    private Bucket accessLogs(EnvironmentSettings settings) {
        Bucket bucket = Bucket.Builder.create(this, "LoadBalancerLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                // ALB log delivery supports SSE-S3 only
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(settings.logRetentionDays()))
                        .build()))
                .removalPolicy(settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Nag.suppress(bucket, "AwsSolutions-S1", "This is the access log bucket: logging its own access would recurse");
        return bucket;
    }

    /**
     * One listener on the one port CloudFront uses (NetworkStack admits nothing else): HTTPS with the certificate, or
     * HTTP in an httpOnly (dev) environment. No HTTP-to-HTTPS redirect: viewers never reach the ALB directly.
     */
    private static ApplicationListener listener(EnvironmentSettings settings, ApplicationLoadBalancer loadBalancer) {
        BaseApplicationListenerProps.Builder listener = BaseApplicationListenerProps.builder()
                .open(false)
                .port(settings.loadBalancerPort())
                .defaultAction(problem(403, "Forbidden"));
        if (settings.httpOnly()) {
            return loadBalancer.addListener(
                    "Http", listener.protocol(ApplicationProtocol.HTTP).build());
        }
        return loadBalancer.addListener(
                "Https",
                listener.protocol(ApplicationProtocol.HTTPS)
                        .certificates(List.of(ListenerCertificate.fromArn(
                                settings.certificateArn().orElseThrow())))
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                        .build());
    }

    /** The first route of a service creates its target group; a further one forwards to the same group. */
    private static void route(
            ApplicationListener listener,
            ServiceDeployment deployment,
            Route route,
            ListenerCondition fromCloudFront,
            Map<TicketingService, ApplicationTargetGroup> targetGroups) {
        TicketingService service = deployment.service();
        List<ListenerCondition> conditions = List.of(ListenerCondition.pathPatterns(route.paths()), fromCloudFront);
        ApplicationTargetGroup existing = targetGroups.get(service);
        if (existing != null) {
            listener.addAction(
                    service.constructId() + route.priority(),
                    AddApplicationActionProps.builder()
                            .priority(route.priority())
                            .conditions(conditions)
                            .action(ListenerAction.forward(List.of(existing)))
                            .build());
            return;
        }
        ApplicationTargetGroup targetGroup = listener.addTargets(
                service.constructId(),
                AddApplicationTargetsProps.builder()
                        .priority(route.priority())
                        .conditions(conditions)
                        .port(service.port())
                        .protocol(ApplicationProtocol.HTTP)
                        .targets(List.of(deployment
                                .fargateService()
                                .loadBalancerTarget(LoadBalancerTargetOptions.builder()
                                        .containerName(service.id())
                                        .containerPort(service.port())
                                        .build())))
                        .healthCheck(HealthCheck.builder()
                                .path(ServiceDeployment.READINESS_PATH)
                                .healthyHttpCodes("200")
                                .interval(Duration.seconds(15))
                                .timeout(Duration.seconds(5))
                                .healthyThresholdCount(2)
                                .unhealthyThresholdCount(3)
                                .build())
                        .deregistrationDelay(Duration.seconds(30))
                        // a task that joins mid-surge starts cold (its JIT has compiled nothing): its share of the
                        // requests grows over 30 s instead of half the surge at once
                        .slowStart(Duration.seconds(30))
                        .build());
        targetGroups.put(service, targetGroup);
    }

    /** A refusal by the ALB itself, as problem+json like the services' own. */
    private static ListenerAction problem(int status, String title) {
        return ListenerAction.fixedResponse(
                status,
                FixedResponseOptions.builder()
                        .contentType("application/problem+json")
                        .messageBody("{\"title\":\"" + title + "\",\"status\":" + status + "}")
                        .build());
    }

    private static <V> Map<String, V> with(Map<String, V> common, Map<String, V> own) {
        Map<String, V> all = new HashMap<>(common);
        all.putAll(own);
        return all;
    }

    private static String internalUrl(TicketingService service) {
        return "http://" + service.id() + "." + Names.SERVICE_NAMESPACE + ":" + service.port();
    }
}
