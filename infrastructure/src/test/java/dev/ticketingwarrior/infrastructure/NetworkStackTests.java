package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTests {

    private static SynthesizedApp prod;
    private static NetworkStack network;
    private static Template template;

    @BeforeAll
    static void synth() {
        prod = SynthesizedApp.prod();
        network = prod.stacks().network();
        template = prod.template(network);
    }

    @Test
    void spansTwoAzsInThreeTiers() {
        template.resourceCountIs("AWS::EC2::Subnet", 6);
        for (String tier : List.of("Public", "Private", "Isolated")) {
            assertThat(template.findResources(
                            "AWS::EC2::Subnet",
                            Map.of(
                                    "Properties",
                                    Map.of(
                                            "Tags",
                                            Match.arrayWith(
                                                    List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", tier)))))))
                    .as(tier + " subnets")
                    .hasSize(2);
        }
    }

    @Test
    void givesEachAzItsOwnNatGatewayInProd() {
        template.resourceCountIs("AWS::EC2::NatGateway", 2);
    }

    @Test
    void logsRejectedFlows() {
        template.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT"));
    }

    @Test
    void letsOnlyTheLoadBalancerReachEachServiceOnItsPort() {
        for (TicketingService service : TicketingService.values()) {
            String group =
                    SynthesizedApp.logicalId(network.network().securityGroups().service(service));
            Map<String, Map<String, Object>> fromLoadBalancer = ingress(group, service.port(), loadBalancer());

            assertThat(fromLoadBalancer).as(service.id()).hasSize(1);
        }
    }

    @Test
    void opensValkeyToTheServicesOnlyOn6379() {
        String cache =
                SynthesizedApp.logicalId(network.network().securityGroups().cache());
        Map<String, Map<String, Object>> rules = allIngress(cache);

        assertThat(rules).hasSize(TicketingService.values().length);
        assertThat(SynthesizedApp.json(rules))
                .contains("\"FromPort\":6379")
                .doesNotContain("CidrIp")
                .doesNotContain(loadBalancer());
    }

    @Test
    void opensAuroraToBookingItsMigrationAndTheRotationLambdaOnlyOn3306() {
        String database =
                SynthesizedApp.logicalId(network.network().securityGroups().database());
        String rules = SynthesizedApp.json(allIngress(database));

        assertThat(allIngress(database)).hasSize(3);
        assertThat(rules)
                .contains(SynthesizedApp.logicalId(
                        network.network().securityGroups().service(TicketingService.BOOKING)))
                .contains(SynthesizedApp.logicalId(
                        network.network().securityGroups().bookingMigration()))
                .contains(SynthesizedApp.logicalId(
                        network.network().securityGroups().databaseRotation()))
                .contains("\"FromPort\":3306")
                .doesNotContain(SynthesizedApp.logicalId(
                        network.network().securityGroups().service(TicketingService.ADMISSION)));
    }

    @Test
    void admitsOnlyCloudFrontsOriginFacingServersToTheLoadBalancerOnHttps() {
        Map<String, Map<String, Object>> rules = allIngress(loadBalancer());

        assertThat(rules).hasSize(1);
        assertThat(rules.values().iterator().next())
                .extractingByKey("Properties")
                .isEqualTo(Map.of(
                        "IpProtocol",
                        "tcp",
                        "FromPort",
                        443,
                        "ToPort",
                        443,
                        "GroupId",
                        Map.of("Fn::GetAtt", List.of(loadBalancer(), "GroupId")),
                        "SourcePrefixListId",
                        Map.of("Fn::GetAtt", List.of(prefixListLookup(template), "PrefixLists.0.PrefixListId")),
                        "Description",
                        "CloudFront origin-facing servers"));
        assertThat(SynthesizedApp.json(
                        template.findResources("AWS::EC2::SecurityGroup").get(loadBalancer())))
                .doesNotContain("CidrIp");
    }

    @Test
    void admitsCloudFrontToTheHttpOnlyDevLoadBalancerOnPort80Only() {
        SynthesizedApp dev = SynthesizedApp.dev();
        Template devTemplate = dev.template(dev.stacks().network());
        String group = SynthesizedApp.logicalId(
                dev.stacks().network().network().securityGroups().loadBalancer());

        Map<String, Map<String, Object>> rules = devTemplate.findResources(
                "AWS::EC2::SecurityGroupIngress",
                Map.of("Properties", Map.of("GroupId", Map.of("Fn::GetAtt", List.of(group, "GroupId")))));

        assertThat(rules).hasSize(1);
        assertThat(rules.values().iterator().next())
                .extractingByKey("Properties")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("FromPort", 80)
                .containsEntry("ToPort", 80)
                .containsKey("SourcePrefixListId")
                .doesNotContainKey("CidrIp");
    }

    @Test
    void looksUpCloudFrontsManagedPrefixListByNameWhenItDeploys() {
        Map<String, Object> lookup = template.findResources("Custom::AWS").get(prefixListLookup(template));
        String properties = SynthesizedApp.json(lookup);

        assertThat(properties)
                .contains("describeManagedPrefixLists")
                .contains("prefix-list-name")
                .contains("com.amazonaws.global.cloudfront.origin-facing");
    }

    @Test
    void allowsNoSecurityGroupUnrestrictedOutboundTraffic() {
        String groups = SynthesizedApp.json(template.findResources("AWS::EC2::SecurityGroup"));

        assertThat(groups).doesNotContain("Allow all outbound traffic by default");
    }

    /** The one custom resource of the network stack: the prefix list lookup. */
    private static String prefixListLookup(Template network) {
        Map<String, Map<String, Object>> lookups = network.findResources("Custom::AWS");
        assertThat(lookups).hasSize(1);
        return lookups.keySet().iterator().next();
    }

    private static String loadBalancer() {
        return SynthesizedApp.logicalId(network.network().securityGroups().loadBalancer());
    }

    private static Map<String, Map<String, Object>> allIngress(String groupLogicalId) {
        return template.findResources(
                "AWS::EC2::SecurityGroupIngress",
                Map.of("Properties", Map.of("GroupId", Map.of("Fn::GetAtt", List.of(groupLogicalId, "GroupId")))));
    }

    private static Map<String, Map<String, Object>> ingress(String groupLogicalId, int port, String sourceLogicalId) {
        return template.findResources(
                "AWS::EC2::SecurityGroupIngress",
                Map.of(
                        "Properties",
                        Map.of(
                                "GroupId",
                                Map.of("Fn::GetAtt", List.of(groupLogicalId, "GroupId")),
                                "FromPort",
                                port,
                                "ToPort",
                                port,
                                "SourceSecurityGroupId",
                                Map.of("Fn::GetAtt", List.of(sourceLogicalId, "GroupId")))));
    }
}
