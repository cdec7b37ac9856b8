package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTests {

    private static SynthesizedApp prod;
    private static Template template;
    private static Template devTemplate;

    @BeforeAll
    static void synth() {
        prod = SynthesizedApp.prod();
        template = prod.template(prod.stacks().data());
        SynthesizedApp dev = SynthesizedApp.dev();
        devTemplate = dev.template(dev.stacks().data());
    }

    /** The master credentials (the cluster's secret attachment). */
    private static String masterSecret() {
        return SynthesizedApp.logicalId(prod.stacks().data().data().database().getSecret());
    }

    @Test
    void runsAuroraMySqlWithAReaderInTheOtherAzInProd() {
        template.hasResourceProperties(
                "AWS::RDS::DBCluster",
                Map.of(
                        "Engine",
                        "aurora-mysql",
                        "StorageEncrypted",
                        true,
                        "DeletionProtection",
                        true,
                        "DatabaseName",
                        "ticketing"));
        template.resourceCountIs("AWS::RDS::DBInstance", 2);
        template.hasResourceProperties("AWS::RDS::DBInstance", Map.of("PromotionTier", 1, "PubliclyAccessible", false));
    }

    @Test
    void runsASingleAuroraInstanceInDev() {
        devTemplate.resourceCountIs("AWS::RDS::DBInstance", 1);
        devTemplate.hasResourceProperties("AWS::RDS::DBCluster", Map.of("DeletionProtection", false));
    }

    @Test
    void placesAuroraInTheIsolatedSubnets() {
        String subnets = SynthesizedApp.json(template.findResources("AWS::RDS::DBSubnetGroup"));

        assertThat(subnets)
                .contains("isolatedSubnet1")
                .contains("isolatedSubnet2")
                .doesNotContain("private");
    }

    @Test
    void requiresUtf8mb4AndTlsOnAurora() {
        template.hasResourceProperties(
                "AWS::RDS::DBClusterParameterGroup",
                Map.of(
                        "Parameters",
                        Map.of(
                                "character_set_server", "utf8mb4",
                                "collation_server", "utf8mb4_unicode_ci",
                                "require_secure_transport", "ON")));
    }

    @Test
    void keepsAuroraCredentialsInSecretsManagerAndRotatesThem() {
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of(
                        "Name",
                        Names.DATABASE_SECRET,
                        "GenerateSecretString",
                        Map.of("SecretStringTemplate", "{\"username\":\"ticketing\"}")));
        template.hasResourceProperties(
                "AWS::SecretsManager::RotationSchedule",
                Map.of("RotationRules", Map.of("ScheduleExpression", "rate(30 days)")));
    }

    @Test
    void givesBookingAnApplicationUserAndAMigrationUserEachInItsOwnRotatedSecret() {
        for (List<String> user : List.of(
                List.of("ticketing-warrior/database-booking", "booking"),
                List.of("ticketing-warrior/database-flyway", "booking_flyway"))) {
            template.hasResourceProperties(
                    "AWS::SecretsManager::Secret",
                    Map.of(
                            "Name",
                            user.get(0),
                            "GenerateSecretString",
                            Match.objectLike(Map.of(
                                    "GenerateStringKey",
                                    "password",
                                    "SecretStringTemplate",
                                    Map.of(
                                            "Fn::Join",
                                            List.of(
                                                    "",
                                                    List.of(
                                                            "{\"username\":\"" + user.get(1)
                                                                    + "\",\"dbname\":\"ticketing\",\"masterarn\":\"",
                                                            Map.of("Ref", masterSecret()),
                                                            "\"}")))))));
        }
        // the master's single-user rotation and one multi-user rotation per service user, every 30 days
        assertThat(template.findResources(
                        "AWS::SecretsManager::RotationSchedule",
                        Map.of("Properties", Map.of("RotationRules", Map.of("ScheduleExpression", "rate(30 days)")))))
                .hasSize(3);
        assertThat(SynthesizedApp.json(template.toJSON().get("Mappings")))
                .contains("SecretsManagerRDSMySQLRotationMultiUser");
    }

    @Test
    void createsTheUsersWithOnlyTheirPrivilegesBeforeTheirFirstRotation() {
        Map<String, Map<String, Object>> users = template.findResources("Custom::DatabaseUsers");
        assertThat(users).hasSize(1);
        String id = users.keySet().iterator().next();
        DataStack.Data data = prod.stacks().data().data();

        template.hasResourceProperties(
                "Custom::DatabaseUsers",
                Map.of(
                        "Database",
                        "ticketing",
                        "MasterSecretArn",
                        Map.of("Ref", masterSecret()),
                        "Users",
                        List.of(
                                Map.of(
                                        "SecretArn",
                                        Map.of("Ref", SynthesizedApp.logicalId(data.databaseAppSecret())),
                                        "Privileges",
                                        "SELECT, INSERT, UPDATE"),
                                Map.of(
                                        "SecretArn",
                                        Map.of("Ref", SynthesizedApp.logicalId(data.databaseMigrationSecret())),
                                        "Privileges",
                                        Match.stringLikeRegexp(
                                                "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP.*")))));
        // the multi-user rotation signs in as the user it rotates: it must exist first
        assertThat(template.findResources(
                        "AWS::Serverless::Application", Map.of("DependsOn", Match.arrayWith(List.of(id)))))
                .hasSize(2);
        // no password in the template: the handler reads the secrets, and runs the SQL through the Data API
        assertThat(SynthesizedApp.json(users)).doesNotContain("password");
        template.hasResourceProperties("AWS::RDS::DBCluster", Map.of("EnableHttpEndpoint", true));
    }

    @Test
    void verifiesAuroraOverTlsAgainstTheRdsCasInBookingsImage() {
        assertThat(prod.stacks().data().data().mysqlUrl())
                .contains("?sslMode=VERIFY_IDENTITY&")
                .contains("trustCertificateKeyStoreUrl=file:" + DataStack.RDS_TRUST_STORE);
    }

    @Test
    void runsValkeyMultiAzWithTlsAndEncryptionAtRestInProd() {
        template.hasResourceProperties(
                "AWS::ElastiCache::ReplicationGroup",
                Map.of(
                        "Engine", "valkey",
                        "NumCacheClusters", 2,
                        "MultiAZEnabled", true,
                        "AutomaticFailoverEnabled", true,
                        "TransitEncryptionEnabled", true,
                        "AtRestEncryptionEnabled", true,
                        "Port", 6379));
    }

    @Test
    void runsOneValkeyNodeInDevButStillEncrypted() {
        devTemplate.hasResourceProperties(
                "AWS::ElastiCache::ReplicationGroup",
                Map.of(
                        "NumCacheClusters", 1,
                        "MultiAZEnabled", false,
                        "TransitEncryptionEnabled", true,
                        "AtRestEncryptionEnabled", true));
    }

    @Test
    void letsTheServicesSignInToValkeyOnlyAsTheirUserWithThePasswordFromItsSecret() {
        String secret = SynthesizedApp.logicalId(prod.stacks().data().data().valkeySecret());

        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of(
                        "Name",
                        "ticketing-warrior/valkey",
                        "GenerateSecretString",
                        Match.objectLike(Map.of(
                                "SecretStringTemplate",
                                "{\"REDIS_USERNAME\":\"ticketing\"}",
                                "GenerateStringKey",
                                "REDIS_PASSWORD",
                                // 16-128 printable characters without @, " or / (ElastiCache); letters and digits
                                "PasswordLength",
                                64,
                                "ExcludePunctuation",
                                true))));
        template.hasResourceProperties(
                "AWS::ElastiCache::User",
                Map.of(
                        "Engine",
                        "valkey",
                        "UserId",
                        "ticketing-warrior-services",
                        "UserName",
                        "ticketing",
                        // every data command and Lua script; none of @dangerous (FLUSHALL, KEYS, CLIENT KILL, ...)
                        // but INFO, which the services' Redis health check sends
                        "AccessString",
                        "on ~* +@all -@dangerous +info",
                        "NoPasswordRequired",
                        false,
                        "Passwords",
                        List.of(Map.of(
                                "Fn::Join",
                                List.of(
                                        "",
                                        List.of(
                                                "{{resolve:secretsmanager:",
                                                Map.of("Ref", secret),
                                                ":SecretString:REDIS_PASSWORD::}}"))))));
    }

    @Test
    void replacesValkeysDefaultUserWithOneThatIsOff() {
        Map<String, Map<String, Object>> defaults =
                template.findResources("AWS::ElastiCache::User", Map.of("Properties", Map.of("UserName", "default")));

        assertThat(defaults).hasSize(1);
        template.hasResourceProperties(
                "AWS::ElastiCache::User",
                Map.of(
                        "Engine",
                        "valkey",
                        "UserId",
                        "ticketing-warrior-default-off",
                        "UserName",
                        "default",
                        "AccessString",
                        "off -@all",
                        // a valkey user group takes only users with a password; nobody is ever given this one
                        "NoPasswordRequired",
                        false,
                        "Passwords",
                        List.of(Map.of(
                                "Fn::Join",
                                Match.arrayWith(List.of(Match.arrayWith(List.of("{{resolve:secretsmanager:"))))))));
        assertThat(SynthesizedApp.json(defaults))
                .doesNotContain(
                        SynthesizedApp.logicalId(prod.stacks().data().data().valkeySecret()));
    }

    @Test
    void attachesTheUserGroupToValkeySoEveryClientMustSignIn() {
        Map<String, Map<String, Object>> groups = template.findResources("AWS::ElastiCache::UserGroup");
        assertThat(groups).hasSize(1);
        String group = groups.keySet().iterator().next();

        template.hasResourceProperties(
                "AWS::ElastiCache::UserGroup",
                Map.of(
                        "Engine",
                        "valkey",
                        "UserGroupId",
                        "ticketing-warrior",
                        "UserIds",
                        List.of("ticketing-warrior-default-off", "ticketing-warrior-services")));
        for (Template environment : List.of(template, devTemplate)) {
            assertThat(environment.findResources(
                            "AWS::ElastiCache::ReplicationGroup",
                            Map.of(
                                    "Properties",
                                    Map.of(
                                            "UserGroupIds",
                                            List.of("ticketing-warrior"),
                                            "TransitEncryptionEnabled",
                                            true),
                                    "DependsOn",
                                    Match.arrayWith(List.of(group)))))
                    .hasSize(1);
        }
    }

    /** The integration tests sign in to a local Redis with the same access string (local-stack's AuthRedis). */
    @Test
    void testsTheServicesAgainstTheAccessStringTheyGetInAws() throws Exception {
        String authRedis = java.nio.file.Files.readString(java.nio.file.Path.of(
                "..",
                "scripts",
                "local-stack",
                "src",
                "main",
                "java",
                "dev",
                "ticketingwarrior",
                "localstack",
                "AuthRedis.java"));

        assertThat(authRedis).contains("\"" + DataStack.VALKEY_ACCESS_STRING + "\"");
    }

    @Test
    void placesValkeyInTheIsolatedSubnets() {
        String subnets = SynthesizedApp.json(template.findResources("AWS::ElastiCache::SubnetGroup"));

        assertThat(subnets)
                .contains("isolatedSubnet1")
                .contains("isolatedSubnet2")
                .doesNotContain("private");
    }

    @Test
    void redrivesConfirmationsToTheDeadLetterQueueAfterFiveReceives() {
        String deadLetters =
                SynthesizedApp.logicalId(prod.stacks().data().data().confirmationsDeadLetters());

        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "QueueName",
                        "booking-confirmations",
                        "RedrivePolicy",
                        Map.of(
                                "maxReceiveCount",
                                5,
                                "deadLetterTargetArn",
                                Map.of("Fn::GetAtt", List.of(deadLetters, "Arn")))));
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("QueueName", "booking-confirmations-dlq", "MessageRetentionPeriod", 14 * 24 * 3600));
    }

    @Test
    void refusesPlainHttpOnTheQueues() {
        assertThat(template.findResources(
                        "AWS::SQS::QueuePolicy",
                        Map.of(
                                "Properties",
                                Map.of(
                                        "PolicyDocument",
                                        Map.of(
                                                "Statement",
                                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                        "Effect",
                                                        "Deny",
                                                        "Condition",
                                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))))
                .hasSize(2);
    }

    @Test
    void keepsTheOpsTokenAndBotKeyUnderTheKeysTheServicesReadThemBy() {
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of(
                        "Name",
                        "ticketing-warrior/ops-token",
                        "GenerateSecretString",
                        Map.of("GenerateStringKey", "TICKETING_OPS_TOKEN")));
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of(
                        "Name",
                        "ticketing-warrior/bot-key",
                        "GenerateSecretString",
                        Map.of("GenerateStringKey", "TICKETING_BOT_KEY")));
    }

    @Test
    void createsTheSigningKeySecretEmptySoAdmissionRefusesToStartUntilOpsFillIt() {
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret",
                Map.of(
                        "Name", "ticketing-warrior/token-keys",
                        "SecretString", "{\"TICKETING_TOKEN_KEYS\":\"{\\\"keys\\\":[]}\"}"));
    }
}
