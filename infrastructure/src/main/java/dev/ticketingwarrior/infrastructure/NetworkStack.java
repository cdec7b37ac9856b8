package dev.ticketingwarrior.infrastructure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The VPC over two AZs in three tiers (public: ALB and NAT; private with egress: ECS tasks; isolated: Aurora and
 * Valkey) and every security group with every rule between them. The rules live here, in one place, so that no
 * stack has to point back at a later one.
 */
final class NetworkStack extends Stack {

    static final String PUBLIC_TIER = "public";
    static final String PRIVATE_TIER = "private";
    static final String ISOLATED_TIER = "isolated";
    static final int VALKEY_PORT = 6379;
    static final int MYSQL_PORT = 3306;
    /** AWS-managed prefix list of the servers CloudFront uses to reach origins. */
    static final String CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing";

    private static final String PREFIX_LIST_ID = "PrefixLists.0.PrefixListId";

    record Props(EnvironmentSettings settings) {}

    /** What the later stacks get from this one. */
    record Network(IVpc vpc, SecurityGroups securityGroups) {}

    record SecurityGroups(
            SecurityGroup loadBalancer,
            Map<TicketingService, SecurityGroup> services,
            SecurityGroup database,
            SecurityGroup cache,
            SecurityGroup databaseRotation,
            SecurityGroup bookingMigration) {

        SecurityGroup service(TicketingService service) {
            return services.get(service);
        }
    }

    private final Network network;

    NetworkStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        EnvironmentSettings settings = props.settings();

        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(settings.vpcCidr()))
                .maxAzs(2)
                .natGateways(settings.natGateways())
                .subnetConfiguration(List.of(
                        tier(PUBLIC_TIER, SubnetType.PUBLIC, 24),
                        tier(PRIVATE_TIER, SubnetType.PRIVATE_WITH_EGRESS, 20),
                        tier(ISOLATED_TIER, SubnetType.PRIVATE_ISOLATED, 24)))
                .build();
        // rejected flows only: enough to debug a security group, cheap enough to leave on
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        vpc.addFlowLog(
                "RejectedFlows",
                FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .trafficType(FlowLogTrafficType.REJECT)
                        .build());

        this.network = new Network(vpc, securityGroups(settings, vpc, cloudFrontOriginFacing(settings)));
    }

    Network network() {
        return network;
    }

    private SecurityGroups securityGroups(EnvironmentSettings settings, IVpc vpc, String cloudFrontPrefixList) {
        SecurityGroup loadBalancer =
                group(vpc, "LoadBalancer", "ALB: from the CloudFront origin-facing servers only, to the services only");
        // One port only: the managed list counts as 55 rules against the group's quota of 60. CloudFront reaches the
        // ALB over HTTPS, or over HTTP where cdk.json sets httpOnly (dev, no certificate).
        loadBalancer.addIngressRule(
                Peer.prefixList(cloudFrontPrefixList),
                Port.tcp(settings.loadBalancerPort()),
                "CloudFront origin-facing servers");

        Map<TicketingService, SecurityGroup> services = new EnumMap<>(TicketingService.class);
        for (TicketingService service : TicketingService.values()) {
            SecurityGroup group = group(vpc, service.constructId(), service.id() + " tasks");
            group.getConnections().allowFrom(loadBalancer, Port.tcp(service.port()), "ALB to " + service.id());
            // ECR, Secrets Manager, SQS, CloudWatch: AWS APIs over HTTPS through the NAT gateway
            group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "AWS APIs over HTTPS");
            services.put(service, group);
        }
        SecurityGroup admission = services.get(TicketingService.ADMISSION);
        SecurityGroup booking = services.get(TicketingService.BOOKING);
        SecurityGroup botRunner = services.get(TicketingService.BOT_RUNNER);
        // service discovery calls: booking fetches the JWKS from admission, bots play through both APIs
        admission.getConnections().allowFrom(booking, Port.tcp(TicketingService.ADMISSION.port()), "JWKS");
        admission.getConnections().allowFrom(botRunner, Port.tcp(TicketingService.ADMISSION.port()), "bots queue");
        booking.getConnections().allowFrom(botRunner, Port.tcp(TicketingService.BOOKING.port()), "bots book");

        SecurityGroup cache = group(vpc, "Cache", "Valkey: from the services only");
        for (SecurityGroup service : services.values()) {
            cache.getConnections().allowFrom(service, Port.tcp(VALKEY_PORT), "Valkey over TLS");
        }

        SecurityGroup databaseRotation = group(vpc, "DatabaseRotation", "Secrets Manager rotation Lambda");
        databaseRotation.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "Secrets Manager API");
        // booking migrate, run by the deploy before the services roll out: MySQL, and ECR, Secrets Manager and
        // CloudWatch Logs over HTTPS through the NAT gateway; nothing reaches it (it serves no port)
        SecurityGroup bookingMigration = group(vpc, "BookingMigration", "booking schema migration task of the deploy");
        bookingMigration.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "AWS APIs over HTTPS");
        // "booking" includes its migration task: a new description would replace the group the Data stack imports
        SecurityGroup database = group(vpc, "Database", "Aurora MySQL: from booking and the rotation Lambda");
        database.getConnections().allowFrom(booking, Port.tcp(MYSQL_PORT), "booking confirmations");
        database.getConnections().allowFrom(bookingMigration, Port.tcp(MYSQL_PORT), "booking schema migration");
        database.getConnections().allowFrom(databaseRotation, Port.tcp(MYSQL_PORT), "credential rotation");

        return new SecurityGroups(
                loadBalancer, Map.copyOf(services), database, cache, databaseRotation, bookingMigration);
    }

    /**
     * The id of the AWS-managed prefix list of CloudFront's origin-facing servers in this region, looked up by name
     * when the stack deploys: ids differ per region, and a synth-time context lookup would need credentials and a
     * concrete account (the tests and CI have neither).
     */
    private String cloudFrontOriginFacing(EnvironmentSettings settings) {
        LogGroup logs = LogGroup.Builder.create(this, "PrefixListLookupLogs")
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        AwsSdkCall describe = AwsSdkCall.builder()
                .service("EC2")
                .action("describeManagedPrefixLists")
                .parameters(Map.of(
                        "Filters",
                        List.of(Map.of("Name", "prefix-list-name", "Values", List.of(CLOUDFRONT_ORIGIN_FACING)))))
                .physicalResourceId(PhysicalResourceId.fromResponse(PREFIX_LIST_ID))
                .outputPaths(List.of(PREFIX_LIST_ID))
                .build();
        AwsCustomResource lookup = AwsCustomResource.Builder.create(this, "CloudFrontOriginFacingPrefixList")
                .onUpdate(describe)
                // DescribeManagedPrefixLists has no resource-level permissions
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE)
                        .build()))
                .installLatestAwsSdk(false)
                .logGroup(logs)
                .build();
        Nag.suppress(
                lookup,
                "AwsSolutions-IAM5",
                "ec2:DescribeManagedPrefixLists supports no resource-level permissions; the call only reads the"
                        + " AWS-managed CloudFront prefix list",
                "Resource::*");
        IConstruct handler = getNode().findChild("AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", ""));
        Nag.suppress(
                handler,
                "AwsSolutions-IAM4",
                "CDK's AwsCustomResource handler logs with the AWS managed basic execution policy; it holds no data");
        Nag.suppress(
                handler,
                "AwsSolutions-L1",
                "The runtime of CDK's own AwsCustomResource handler is chosen by aws-cdk-lib and moves with it");
        return lookup.getResponseField(PREFIX_LIST_ID);
    }

    private SecurityGroup group(IVpc vpc, String id, String description) {
        return SecurityGroup.Builder.create(this, id + "SecurityGroup")
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(false)
                .build();
    }

    private static SubnetConfiguration tier(String name, SubnetType type, int cidrMask) {
        return SubnetConfiguration.builder()
                .name(name)
                .subnetType(type)
                .cidrMask(cidrMask)
                .build();
    }
}
