package dev.ticketingwarrior.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.elasticache.CfnUser;
import software.amazon.awscdk.services.elasticache.CfnUserGroup;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsBaseOptions;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.ProvisionedClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretRotation;
import software.amazon.awscdk.services.secretsmanager.SecretRotationApplication;
import software.amazon.awscdk.services.secretsmanager.SecretRotationProps;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * State: Aurora MySQL (credentials in Secrets Manager, rotated), ElastiCache Valkey (TLS, encrypted at rest, clients
 * sign in as the services' user, its password in Secrets Manager), the booking confirmation queue with its dead-letter
 * queue, and the application secrets. Aurora and Valkey sit in the isolated subnets; both are Multi-AZ where the
 * environment says so.
 */
final class DataStack extends Stack {

    static final int MAX_RECEIVE_COUNT = 5;
    /** booking at run time: its rows, no DDL (INSERT ... ON DUPLICATE KEY UPDATE needs INSERT and UPDATE). */
    static final String APP_PRIVILEGES = "SELECT, INSERT, UPDATE";
    /** Flyway: create and change the schema's tables and keep its history table. */
    static final String MIGRATION_PRIVILEGES =
            "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW, TRIGGER";
    /**
     * The RDS CA bundle as a PKCS12 trust store in booking's image (docker/booking.Dockerfile). Its password protects
     * public certificates only, and the JDBC driver needs one to open the store.
     */
    static final String RDS_TRUST_STORE = "/app/rds-ca.p12";

    static final String RDS_TRUST_STORE_PASSWORD = "changeit";
    static final String DATABASE_USERS_HANDLER = "src/main/lambda/database-users";
    static final String VALKEY_ENGINE_VERSION = "8.0";
    /** Users and user group for Valkey 7.2 and later (a valkey group takes only users with a password). */
    static final String VALKEY_ENGINE = "valkey";
    /**
     * What the services' Valkey user may do: every key, every command but those of {@code @dangerous} (FLUSHALL,
     * FLUSHDB, KEYS, CLIENT KILL, DEBUG, MIGRATE, ...), which no service sends, and INFO, which is in that category
     * but is what Spring Boot's Redis health check sends. Lua (EVAL, EVALSHA, SCRIPT LOAD) is in {@code @scripting}.
     * No Pub/Sub channels ({@code &}): no service publishes or subscribes.
     */
    static final String VALKEY_ACCESS_STRING = "on ~* +@all -@dangerous +info";

    static final String VALKEY_SERVICES_USER_ID = Names.PREFIX + "-services";
    static final String VALKEY_DEFAULT_USER_ID = Names.PREFIX + "-default-off";

    record Props(EnvironmentSettings settings, NetworkStack.Network network) {}

    /** What the services and the monitoring read. */
    record Data(
            DatabaseCluster database,
            ISecret databaseAppSecret,
            ISecret databaseMigrationSecret,
            CfnReplicationGroup cache,
            ISecret valkeySecret,
            Queue confirmations,
            Queue confirmationsDeadLetters,
            ISecret opsToken,
            ISecret botKey,
            ISecret tokenSigningKeys) {

        /** Valkey's primary endpoint; the services' aws profile connects to it over TLS, as its user. */
        String redisHost() {
            return cache.getAttrPrimaryEndPointAddress();
        }

        String redisPort() {
            return cache.getAttrPrimaryEndPointPort();
        }

        /**
         * TLS that verifies the server: its certificate against the RDS CAs baked into booking's image and its name
         * against the cluster endpoint. In the URL rather than in the pool's properties, so that Flyway's own
         * connection (derived from the URL) verifies too.
         */
        String mysqlUrl() {
            return "jdbc:mysql://" + database.getClusterEndpoint().getSocketAddress() + "/" + Names.DATABASE_NAME
                    + "?sslMode=VERIFY_IDENTITY"
                    + "&trustCertificateKeyStoreUrl=file:" + RDS_TRUST_STORE
                    + "&trustCertificateKeyStoreType=PKCS12"
                    + "&trustCertificateKeyStorePassword=" + RDS_TRUST_STORE_PASSWORD;
        }
    }

    private final Data data;

    DataStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        EnvironmentSettings settings = props.settings();
        IVpc vpc = props.network().vpc();
        NetworkStack.SecurityGroups groups = props.network().securityGroups();
        RemovalPolicy removal = settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        DatabaseCluster database = database(settings, vpc, groups, removal);
        DatabaseUser app = databaseUser(
                database,
                vpc,
                groups,
                "BookingUser",
                Names.DATABASE_APP_SECRET,
                Names.DATABASE_APP_USER,
                APP_PRIVILEGES);
        DatabaseUser migration = databaseUser(
                database,
                vpc,
                groups,
                "FlywayUser",
                Names.DATABASE_MIGRATION_SECRET,
                Names.DATABASE_MIGRATION_USER,
                MIGRATION_PRIVILEGES);
        databaseUsers(settings, database, List.of(app, migration));
        ISecret valkeySecret = Secret.Builder.create(this, "ValkeySecret")
                .secretName(Names.VALKEY_SECRET)
                .description("The services' Valkey user and its password")
                .generateSecretString(valkeyPassword(
                        "{\"" + Names.VALKEY_USERNAME_ENV + "\":\"" + Names.VALKEY_USER + "\"}",
                        Names.VALKEY_PASSWORD_ENV))
                .build();
        CfnUserGroup valkeyUsers = valkeyUsers(valkeySecret);
        CfnReplicationGroup cache = cache(settings, vpc, groups, valkeyUsers);
        Nag.suppress(
                cache,
                "AwsSolutions-AEC6",
                "Clients do sign in: the RBAC user group (UserGroupIds) takes only the services' user with its"
                        + " password; the rule looks only for the single AUTH token that RBAC replaces");
        if (settings.cacheNodes() == 1) {
            Nag.suppress(
                    cache,
                    "AwsSolutions-AEC4",
                    "Single node only where cdk.json says so (dev, for cost); prod runs a replica in the other AZ");
        }

        Queue deadLetters = Queue.Builder.create(this, "ConfirmationsDeadLetters")
                .queueName(Names.CONFIRMATION_DLQ)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue confirmations = Queue.Builder.create(this, "Confirmations")
                .queueName(Names.CONFIRMATION_QUEUE)
                // longer than a batched MySQL write under load, short enough to retry promptly
                .visibilityTimeout(Duration.seconds(60))
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(MAX_RECEIVE_COUNT)
                        .build())
                .build();

        ISecret opsToken = generatedSecret(
                "OpsToken", Names.OPS_TOKEN_SECRET, Names.OPS_TOKEN_ENV, "Bearer token of the ops admin APIs");
        ISecret botKey = generatedSecret(
                "BotKey", Names.BOT_KEY_SECRET, Names.BOT_KEY_ENV, "X-Bot-Key shared by bots and the services");
        for (ISecret shared : List.of(opsToken, botKey)) {
            Nag.suppress(
                    shared,
                    "AwsSolutions-SMG4",
                    "A shared bearer secret: every service holding it must switch at once, so ops rotate it with"
                            + " put-secret-value and a rolling restart (README), not a rotation Lambda");
        }
        // An ES256 key pair cannot come from Secrets Manager's password generator: ops put a JWK set here before the
        // first deploy of admission (see README). The empty set makes admission refuse to start instead of signing
        // with a key nobody else knows.
        ISecret tokenSigningKeys = Secret.Builder.create(this, "TokenSigningKeys")
                .secretName(Names.TOKEN_KEYS_SECRET)
                .description("JWK set of EC P-256 private keys signing admission tokens; the newest signs")
                .secretObjectValue(Map.of(Names.TOKEN_KEYS_ENV, SecretValue.unsafePlainText("{\"keys\":[]}")))
                .build();
        Nag.suppress(
                tokenSigningKeys,
                "AwsSolutions-SMG4",
                "Signing keys rotate by adding a new JWK next to the old one (SPEC §4: newest signs, all verify),"
                        + " which ops do; replacing the set in one step would invalidate every token in flight");

        this.data = new Data(
                database,
                app.secret(),
                migration.secret(),
                cache,
                valkeySecret,
                confirmations,
                deadLetters,
                opsToken,
                botKey,
                tokenSigningKeys);
    }

    Data data() {
        return data;
    }

    private DatabaseCluster database(
            EnvironmentSettings settings, IVpc vpc, NetworkStack.SecurityGroups groups, RemovalPolicy removal) {
        IClusterEngine engine = DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                .version(AuroraMysqlEngineVersion.VER_3_10_0)
                .build());
        InstanceType instanceType = new InstanceType(settings.databaseInstanceType());
        List<IClusterInstance> readers = new ArrayList<>();
        for (int i = 1; i <= settings.databaseReaders(); i++) {
            // promotion tier 1: a reader in the other AZ takes over when the writer's AZ fails
            readers.add(ClusterInstance.provisioned(
                    "Reader" + i,
                    ProvisionedClusterInstanceProps.builder()
                            .instanceType(instanceType)
                            .promotionTier(1)
                            .publiclyAccessible(false)
                            .build()));
        }
        // explicit log groups: retention without CDK's log-retention Lambda
        List<LogGroup> logGroups = new ArrayList<>();
        for (String log : List.of("error", "slowquery")) {
            logGroups.add(LogGroup.Builder.create(this, "DatabaseLogs-" + log)
                    .logGroupName("/aws/rds/cluster/" + Names.DATABASE_CLUSTER + "/" + log)
                    .retention(settings.logRetention())
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build());
        }
        DatabaseCluster cluster = DatabaseCluster.Builder.create(this, "Database")
                .clusterIdentifier(Names.DATABASE_CLUSTER)
                .engine(engine)
                .credentials(Credentials.fromGeneratedSecret(
                        Names.DATABASE_USER,
                        CredentialsBaseOptions.builder()
                                .secretName(Names.DATABASE_SECRET)
                                .build()))
                .defaultDatabaseName(Names.DATABASE_NAME)
                .writer(ClusterInstance.provisioned(
                        "Writer",
                        ProvisionedClusterInstanceProps.builder()
                                .instanceType(instanceType)
                                .publiclyAccessible(false)
                                .build()))
                .readers(readers)
                .vpc(vpc)
                .vpcSubnets(isolated())
                .securityGroups(List.of(groups.database()))
                .storageEncrypted(true)
                // SPEC §2: utf8mb4_unicode_ci everywhere; TLS required like Valkey's
                .parameters(Map.of(
                        "character_set_server", "utf8mb4",
                        "collation_server", "utf8mb4_unicode_ci",
                        "require_secure_transport", "ON"))
                .cloudwatchLogsExports(List.of("error", "slowquery"))
                .backup(BackupProps.builder()
                        .retention(Duration.days(settings.retainData() ? 14 : 1))
                        .build())
                .deletionProtection(settings.retainData())
                // for the user bootstrap below, which has no network path to the isolated tier
                .enableDataApi(true)
                .removalPolicy(settings.retainData() ? RemovalPolicy.SNAPSHOT : removal)
                .build();
        cluster.getNode().addDependency(logGroups.toArray(LogGroup[]::new));
        Nag.suppress(
                cluster,
                "AwsSolutions-RDS6",
                "booking authenticates as its own users with Secrets Manager credentials, rotated (SPEC §5)");
        Nag.suppress(
                cluster,
                "AwsSolutions-RDS11",
                "The default port hides nothing here: isolated subnets, reachable only from booking and rotation");
        Nag.suppress(
                cluster,
                "AwsSolutions-RDS14",
                "Recovery is point-in-time restore from the automated backups; bookings are append-only and"
                        + " idempotent, so rewinding the live cluster in place is not a procedure we want");
        if (!settings.retainData()) {
            Nag.suppress(
                    cluster,
                    "AwsSolutions-RDS10",
                    "Deletion protection is on wherever cdk.json sets retainData (prod); dev is disposable");
        }
        // the master's credentials
        rotation(
                "DatabaseRotation",
                SecretRotationApplication.MYSQL_ROTATION_SINGLE_USER,
                cluster.getSecret(),
                null,
                vpc,
                groups);
        return cluster;
    }

    /**
     * A secret's rotation every 30 days by the AWS rotation Lambda in the private tier (it needs the database and the
     * Secrets Manager API); {@code masterSecret} only for the multi-user application.
     */
    private SecretRotation rotation(
            String id,
            SecretRotationApplication application,
            ISecret secret,
            ISecret masterSecret,
            IVpc vpc,
            NetworkStack.SecurityGroups groups) {
        return new SecretRotation(
                this,
                id,
                SecretRotationProps.builder()
                        .application(application)
                        .secret(secret)
                        .masterSecret(masterSecret)
                        .target(new MysqlPort(groups.database()))
                        .vpc(vpc)
                        .vpcSubnets(SubnetSelection.builder()
                                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .build())
                        .securityGroup(groups.databaseRotation())
                        .automaticallyAfter(Duration.days(30))
                        .build());
    }

    /** A user's secret, its rotation, and the privileges the user gets on the schema. */
    private record DatabaseUser(ISecret secret, SecretRotation rotation, String privileges) {}

    /**
     * A service's own database user: a generated password in its own secret (host, port and dbname added from the
     * cluster, masterarn for the rotation), rotated every 30 days by the multi-user Lambda, which alternates between
     * the user and its {@code _clone} so the previous credentials keep working until the next rotation: a running
     * task never holds a password that has just stopped working.
     */
    private DatabaseUser databaseUser(
            DatabaseCluster cluster,
            IVpc vpc,
            NetworkStack.SecurityGroups groups,
            String id,
            String secretName,
            String username,
            String privileges) {
        DatabaseSecret secret = DatabaseSecret.Builder.create(this, id)
                .secretName(secretName)
                .username(username)
                .dbname(Names.DATABASE_NAME)
                .masterSecret(cluster.getSecret())
                .build();
        ISecret attached = secret.attach(cluster);
        SecretRotation rotation = rotation(
                id + "Rotation",
                SecretRotationApplication.MYSQL_ROTATION_MULTI_USER,
                attached,
                cluster.getSecret(),
                vpc,
                groups);
        return new DatabaseUser(attached, rotation, privileges);
    }

    /**
     * Creates the users in the database when the stack deploys, and grants them their privileges: a custom resource
     * whose handler ({@code src/main/lambda/database-users}) reads each user's password from its secret and runs the
     * SQL as the master user through the RDS Data API, so no password passes through CloudFormation and the handler
     * needs no network path into the isolated tier. It runs before the users' rotations are scheduled, since the
     * first rotation signs in as the user it rotates.
     */
    private void databaseUsers(EnvironmentSettings settings, DatabaseCluster cluster, List<DatabaseUser> users) {
        LogGroup logs = LogGroup.Builder.create(this, "DatabaseUsersLogs")
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function handler = Function.Builder.create(this, "DatabaseUsersHandler")
                .description("Creates booking's database users and grants their privileges")
                .runtime(Runtime.PYTHON_3_14)
                .handler("index.handler")
                .code(Code.fromAsset(DATABASE_USERS_HANDLER))
                .timeout(Duration.minutes(10))
                .logGroup(logs)
                .build();
        cluster.grantDataApiAccess(handler);
        users.forEach(user -> user.secret().grantRead(handler));
        Provider provider = Provider.Builder.create(this, "DatabaseUsersProvider")
                .onEventHandler(handler)
                .logGroup(logs)
                .build();
        CustomResource created = CustomResource.Builder.create(this, "DatabaseUsers")
                .resourceType("Custom::DatabaseUsers")
                .serviceToken(provider.getServiceToken())
                .properties(Map.of(
                        "ClusterArn",
                        cluster.getClusterArn(),
                        "MasterSecretArn",
                        cluster.getSecret().getSecretArn(),
                        "Database",
                        Names.DATABASE_NAME,
                        "Users",
                        users.stream()
                                .map(user -> Map.of(
                                        "SecretArn", user.secret().getSecretArn(),
                                        "Privileges", user.privileges()))
                                .toList()))
                .build();
        // the writer must be up; the users' rotations must wait for the users
        created.getNode().addDependency(cluster);
        users.forEach(user -> user.rotation().getNode().addDependency(created));
        for (IConstruct role : List.of(handler.getRole(), provider)) {
            Nag.suppress(
                    role,
                    "AwsSolutions-IAM4",
                    "Lambda's AWS managed basic execution policy: writing its own logs, nothing else",
                    "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        }
        Nag.suppress(
                provider,
                "AwsSolutions-IAM5",
                "CDK's Provider framework may invoke every version of the one handler function it fronts",
                "Resource::<" + getLogicalId((CfnElement) handler.getNode().getDefaultChild()) + ".Arn>:*");
    }

    /**
     * Valkey's users (ElastiCache RBAC): the services' user, with the password from its secret, and a {@code default}
     * user that is off, since a user group must have a user of that name and the built-in one needs no password. Once
     * the group is attached every client must sign in as the services' user (AUTH username password, over TLS).
     */
    private CfnUserGroup valkeyUsers(ISecret servicesSecret) {
        CfnUser services = CfnUser.Builder.create(this, "ValkeyServicesUser")
                .engine(VALKEY_ENGINE)
                .userId(VALKEY_SERVICES_USER_ID)
                .userName(Names.VALKEY_USER)
                .accessString(VALKEY_ACCESS_STRING)
                .noPasswordRequired(false)
                .passwords(List.of(servicesSecret
                        .secretValueFromJson(Names.VALKEY_PASSWORD_ENV)
                        .unsafeUnwrap()))
                .build();
        // a valkey user group takes only users with a password: this one's is never handed to anyone
        ISecret defaultSecret = Secret.Builder.create(this, "ValkeyDefaultUserSecret")
                .description("Password of Valkey's default user, which is off; no service reads it")
                .generateSecretString(valkeyPassword(null, null))
                .build();
        CfnUser defaultUser = CfnUser.Builder.create(this, "ValkeyDefaultUser")
                .engine(VALKEY_ENGINE)
                .userId(VALKEY_DEFAULT_USER_ID)
                .userName("default")
                .accessString("off -@all")
                .noPasswordRequired(false)
                .passwords(List.of(defaultSecret.getSecretValue().unsafeUnwrap()))
                .build();
        for (ISecret secret : List.of(servicesSecret, defaultSecret)) {
            Nag.suppress(
                    secret,
                    "AwsSolutions-SMG4",
                    "ElastiCache takes a user's password from CloudFormation only when the user is created or"
                            + " changed, so ops rotate it by the README's steps (modify-user with both passwords, a"
                            + " rolling restart), not a rotation Lambda");
        }
        CfnUserGroup group = CfnUserGroup.Builder.create(this, "ValkeyUsers")
                .engine(VALKEY_ENGINE)
                .userGroupId(Names.PREFIX)
                .userIds(List.of(VALKEY_DEFAULT_USER_ID, VALKEY_SERVICES_USER_ID))
                .build();
        group.addDependency(services);
        group.addDependency(defaultUser);
        return group;
    }

    /**
     * A password ElastiCache accepts (16 to 128 printable characters, none of {@code @ " /}): 64 letters and digits,
     * which also need no escaping in a {@code redis://user:password@host} URL. Under {@code key} of the template's
     * JSON object, or the whole secret string when there is no template.
     */
    private static SecretStringGenerator valkeyPassword(String template, String key) {
        return SecretStringGenerator.builder()
                .secretStringTemplate(template)
                .generateStringKey(key)
                .passwordLength(64)
                .excludePunctuation(true)
                .build();
    }

    private CfnReplicationGroup cache(
            EnvironmentSettings settings, IVpc vpc, NetworkStack.SecurityGroups groups, CfnUserGroup users) {
        CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "CacheSubnets")
                .description("Valkey in the isolated tier")
                .subnetIds(vpc.selectSubnets(isolated()).getSubnetIds())
                .build();
        boolean replicated = settings.cacheNodes() > 1;
        CfnReplicationGroup cache = CfnReplicationGroup.Builder.create(this, "Cache")
                .replicationGroupDescription("Ticketing-Warrior waiting rooms, holds and admission state")
                .engine("valkey")
                .engineVersion(VALKEY_ENGINE_VERSION)
                .cacheNodeType(settings.cacheNodeType())
                .numCacheClusters(settings.cacheNodes())
                .automaticFailoverEnabled(replicated)
                .multiAzEnabled(replicated)
                // RBAC: clients sign in as a user of the group (AUTH needs TLS)
                .transitEncryptionEnabled(true)
                .userGroupIds(List.of(users.getUserGroupId()))
                .atRestEncryptionEnabled(true)
                .port(NetworkStack.VALKEY_PORT)
                .cacheSubnetGroupName(subnets.getRef())
                .securityGroupIds(List.of(groups.cache().getSecurityGroupId()))
                .snapshotRetentionLimit(settings.retainData() ? 7 : 0)
                .autoMinorVersionUpgrade(true)
                .build();
        cache.addDependency(users);
        return cache;
    }

    /** A random value under the key the services read it by: {@code {"TICKETING_OPS_TOKEN": "..."}}. */
    private ISecret generatedSecret(String id, String name, String key, String description) {
        return Secret.Builder.create(this, id)
                .secretName(name)
                .description(description)
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{}")
                        .generateStringKey(key)
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .build();
    }

    /**
     * The database security group on the literal MySQL port. The cluster's own connections carry its endpoint-port
     * attribute, which would put a rule into the network stack that depends on this one: a cycle.
     */
    private static final class MysqlPort implements IConnectable {

        private final Connections connections;

        MysqlPort(ISecurityGroup databaseGroup) {
            this.connections = Connections.Builder.create()
                    .securityGroups(List.of(databaseGroup))
                    .defaultPort(Port.tcp(NetworkStack.MYSQL_PORT))
                    .build();
        }

        @Override
        public Connections getConnections() {
            return connections;
        }
    }

    private static SubnetSelection isolated() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }
}
