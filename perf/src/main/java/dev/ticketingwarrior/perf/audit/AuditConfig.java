package dev.ticketingwarrior.perf.audit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the auditor reads from. Each source is optional: one left out (or unreachable at audit time) is skipped with a
 * line in the verdict, so the auditor also works against a remote deployment of which only some parts are reachable.
 * {@code roundPeriod} is the services' {@code TICKETING_ROUND_PERIOD}: a round's keys must expire once its period is
 * over. {@code setUpByTheRun}: the run started these servers itself (a private local stack), so a configured one the
 * final audit cannot read is a violation, not a skipped check: nothing excuses it there, and what it was to vouch for
 * (lost bookings, the DLQ) is unknown.
 */
public record AuditConfig(
        Optional<String> redisUrl,
        Optional<Mysql> mysql,
        Optional<Sqs> sqs,
        Duration roundPeriod,
        boolean setUpByTheRun) {

    public static final String CONFIRMATIONS_QUEUE = "booking-confirmations";
    public static final String CONFIRMATIONS_DLQ = "booking-confirmations-dlq";
    public static final String DEFAULT_REGION = "us-east-1";
    static final String MYSQL = "mysql";
    static final String REDIS = "redis";
    static final String SQS = "sqs";

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)?");

    public AuditConfig {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(mysql, "mysql");
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(roundPeriod, "roundPeriod");
        if (roundPeriod.isNegative() || roundPeriod.isZero()) {
            throw new IllegalArgumentException("roundPeriod must be positive: " + roundPeriod);
        }
    }

    /** A JDBC URL and its credentials (the password never printed). */
    public record Mysql(String jdbcUrl, String user, String password) {

        public Mysql {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Mysql[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
        }
    }

    /**
     * The confirmation queue and its DLQ by name. Without {@code endpoint} the AWS SDK's default endpoint and
     * credentials are used; with one (ElasticMQ), dummy credentials unless AWS credentials are set in the environment.
     */
    public record Sqs(Optional<String> endpoint, String region, String queue, String deadLetterQueue) {

        public Sqs {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        }

        /** The local stack's ElasticMQ at {@code endpoint}, with the services' queue names. */
        public static Sqs local(String endpoint) {
            return new Sqs(Optional.of(endpoint), DEFAULT_REGION, CONFIRMATIONS_QUEUE, CONFIRMATIONS_DLQ);
        }

        /** Amazon SQS itself in {@code region} (default credentials chain), with the services' queue names. */
        public static Sqs aws(String region) {
            return new Sqs(Optional.empty(), region, CONFIRMATIONS_QUEUE, CONFIRMATIONS_DLQ);
        }
    }

    /** Nothing to read from yet; add sources with the {@code with…} methods. */
    public static AuditConfig of(Duration roundPeriod) {
        return new AuditConfig(Optional.empty(), Optional.empty(), Optional.empty(), roundPeriod, false);
    }

    public AuditConfig withRedis(String url) {
        return new AuditConfig(Optional.of(url), mysql, sqs, roundPeriod, setUpByTheRun);
    }

    public AuditConfig withMysql(String jdbcUrl, String user, String password) {
        return new AuditConfig(
                redisUrl, Optional.of(new Mysql(jdbcUrl, user, password)), sqs, roundPeriod, setUpByTheRun);
    }

    public AuditConfig withSqs(Sqs queues) {
        return new AuditConfig(redisUrl, mysql, Optional.of(queues), roundPeriod, setUpByTheRun);
    }

    /** The same sources, with whether the run set them up itself (see {@code setUpByTheRun}). */
    public AuditConfig withSetUpByTheRun(boolean setUp) {
        return new AuditConfig(redisUrl, mysql, sqs, roundPeriod, setUp);
    }

    /** The names of the sources configured: {@code mysql}, {@code redis}, {@code sqs}. */
    public Set<String> configured() {
        Set<String> names = new TreeSet<>();
        mysql.ifPresent(m -> names.add(MYSQL));
        redisUrl.ifPresent(r -> names.add(REDIS));
        sqs.ifPresent(q -> names.add(SQS));
        return Set.copyOf(names);
    }

    /**
     * The sources named by the environment variables the services read (SPEC §2): {@code REDIS_URL},
     * {@code MYSQL_URL}/{@code MYSQL_USER}/{@code MYSQL_PASSWORD}, {@code SQS_ENDPOINT} (or, without it,
     * {@code AWS_REGION} for Amazon SQS), {@code TICKETING_ROUND_PERIOD} (default 60s). Unset ones are left out.
     */
    public static AuditConfig fromEnvironment(Map<String, String> env) {
        AuditConfig config = of(parsePeriod(env.getOrDefault("TICKETING_ROUND_PERIOD", "60s")));
        if (present(env, "REDIS_URL")) {
            config = config.withRedis(env.get("REDIS_URL"));
        }
        if (present(env, "MYSQL_URL")) {
            config = config.withMysql(
                    env.get("MYSQL_URL"), env.getOrDefault("MYSQL_USER", "ticketing"), env.get("MYSQL_PASSWORD"));
        }
        if (present(env, "SQS_ENDPOINT")) {
            config = config.withSqs(new Sqs(
                    Optional.of(env.get("SQS_ENDPOINT")),
                    env.getOrDefault("AWS_REGION", DEFAULT_REGION),
                    CONFIRMATIONS_QUEUE,
                    CONFIRMATIONS_DLQ));
        } else if (present(env, "AWS_REGION")) {
            config = config.withSqs(Sqs.aws(env.get("AWS_REGION")));
        }
        return config;
    }

    /** A duration as Spring Boot binds it: {@code 60s}, {@code 500ms}, {@code 1h}, ISO-8601, or a number of ms. */
    public static Duration parsePeriod(String text) {
        String value = text.trim();
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        Matcher m = SIMPLE_DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return Duration.of(
                amount,
                switch (unit) {
                    case "ns" -> ChronoUnit.NANOS;
                    case "us" -> ChronoUnit.MICROS;
                    case "ms" -> ChronoUnit.MILLIS;
                    case "s" -> ChronoUnit.SECONDS;
                    case "m" -> ChronoUnit.MINUTES;
                    case "h" -> ChronoUnit.HOURS;
                    default -> ChronoUnit.DAYS;
                });
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
