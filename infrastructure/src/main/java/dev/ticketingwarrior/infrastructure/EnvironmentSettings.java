package dev.ticketingwarrior.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between environments, read from CDK context so that dev and prod differ in
 * {@code cdk.json}, never in code. {@code -c env=dev|prod} picks a block of {@code context.environments}; any key of
 * that block can be overridden on the command line ({@code -c certificateArn=arn:aws:acm:...}).
 */
record EnvironmentSettings(
        String name,
        String region,
        String vpcCidr,
        int natGateways,
        String databaseInstanceType,
        int databaseReaders,
        String cacheNodeType,
        int cacheNodes,
        int taskCpu,
        int taskMemoryMiB,
        int minTasks,
        int maxTasks,
        int cpuTargetPercent,
        int requestsPerTarget,
        int waitingPerTask,
        List<ScheduledEvent> scheduledEvents,
        int logRetentionDays,
        int databaseConnectionsAlarmThreshold,
        boolean retainData,
        boolean httpOnly,
        Optional<String> certificateArn,
        Optional<String> apiOriginDomain,
        Optional<String> alarmEmail,
        String imageTag) {

    /**
     * A known surge (a launch, a promoted round): from {@code start} until {@code end} (cron expressions of Application
     * Auto Scaling, in UTC, e.g. {@code cron(50 11 ? * SAT *)}) every service keeps at least {@code minTasks}, started
     * and warm before the first round opens instead of scaled out after it.
     */
    record ScheduledEvent(String name, String start, String end, int minTasks) {}

    static final String ENV_KEY = "env";
    static final String ENVIRONMENTS_KEY = "environments";

    EnvironmentSettings {
        require(natGateways >= 1, "natGateways must be at least 1: private subnets need egress");
        require(databaseReaders >= 0, "databaseReaders must not be negative");
        require(cacheNodes >= 1 && cacheNodes <= 6, "cacheNodes must be 1..6 (primary plus up to 5 replicas)");
        require(minTasks >= 1 && minTasks <= maxTasks, "need 1 <= minTasks <= maxTasks");
        require(cpuTargetPercent > 0 && cpuTargetPercent < 100, "cpuTargetPercent must be 1..99");
        require(requestsPerTarget > 0, "requestsPerTarget must be positive");
        require(waitingPerTask > 0, "waitingPerTask must be positive");
        scheduledEvents = List.copyOf(scheduledEvents);
        for (ScheduledEvent event : scheduledEvents) {
            require(
                    event.name().matches("[A-Za-z0-9]+"),
                    "scheduledEvents: a name of letters and digits, not '" + event.name() + "'");
            require(
                    event.start().startsWith("cron(") && event.end().startsWith("cron("),
                    "scheduledEvents." + event.name() + ": start and end must be cron(...) expressions");
            require(
                    event.minTasks() >= minTasks && event.minTasks() <= maxTasks,
                    "scheduledEvents." + event.name() + ": need minTasks <= its minTasks <= maxTasks");
        }
        retention(logRetentionDays);
        require(databaseConnectionsAlarmThreshold > 0, "databaseConnectionsAlarmThreshold must be positive");
        require(
                httpOnly || certificateArn.isPresent(),
                "set -c certificateArn=<ACM certificate ARN> for the HTTPS listener, or httpOnly=true (dev only)");
        require(!(httpOnly && "prod".equals(name)), "prod must serve HTTPS: httpOnly is for dev only");
        // CloudFront validates the ALB's certificate against the origin name, so it needs the name on the certificate
        require(
                httpOnly || apiOriginDomain.isPresent(),
                "set -c apiOriginDomain=<DNS name on the certificate, pointing at the ALB> for CloudFront's HTTPS origin");
    }

    /** Reads the settings of the environment named by context {@code env} (default {@code dev}). */
    static EnvironmentSettings fromContext(Function<String, Object> context) {
        String env = Optional.ofNullable(context.apply(ENV_KEY))
                .map(Object::toString)
                .orElse("dev");
        Map<?, ?> environments = context.apply(ENVIRONMENTS_KEY) instanceof Map<?, ?> map ? map : Map.of();
        if (!(environments.get(env) instanceof Map<?, ?> block)) {
            Set<String> known = new TreeSet<>();
            environments.keySet().forEach(key -> known.add(key.toString()));
            throw new IllegalArgumentException(
                    "unknown environment '" + env + "': context." + ENVIRONMENTS_KEY + " defines " + known);
        }
        Values values = new Values(env, key -> {
            Object override = context.apply(key);
            return override != null ? override : block.get(key);
        });
        return new EnvironmentSettings(
                env,
                values.text("region"),
                values.text("vpcCidr"),
                values.integer("natGateways"),
                values.text("databaseInstanceType"),
                values.integer("databaseReaders"),
                values.text("cacheNodeType"),
                values.integer("cacheNodes"),
                values.integer("taskCpu"),
                values.integer("taskMemoryMiB"),
                values.integer("minTasks"),
                values.integer("maxTasks"),
                values.integer("cpuTargetPercent"),
                values.integer("requestsPerTarget"),
                values.integer("waitingPerTask"),
                values.events("scheduledEvents"),
                values.integer("logRetentionDays"),
                values.integer("databaseConnectionsAlarmThreshold"),
                values.flag("retainData"),
                values.flag("httpOnly"),
                values.optionalText("certificateArn"),
                values.optionalText("apiOriginDomain"),
                values.optionalText("alarmEmail"),
                values.optionalText("imageTag").orElse("latest"));
    }

    /** Aurora gets a reader in the other AZ and Valkey a replica with automatic failover. */
    boolean multiAz() {
        return databaseReaders > 0 && cacheNodes > 1;
    }

    /** The one port the ALB listens on, and CloudFront reaches it on: HTTPS, or HTTP in an httpOnly (dev) environment. */
    int loadBalancerPort() {
        return httpOnly ? 80 : 443;
    }

    /** CloudWatch Logs accepts only a fixed set of retention periods. */
    RetentionDays logRetention() {
        return retention(logRetentionDays);
    }

    private static RetentionDays retention(int days) {
        return switch (days) {
            case 1 -> RetentionDays.ONE_DAY;
            case 3 -> RetentionDays.THREE_DAYS;
            case 5 -> RetentionDays.FIVE_DAYS;
            case 7 -> RetentionDays.ONE_WEEK;
            case 14 -> RetentionDays.TWO_WEEKS;
            case 30 -> RetentionDays.ONE_MONTH;
            case 60 -> RetentionDays.TWO_MONTHS;
            case 90 -> RetentionDays.THREE_MONTHS;
            case 180 -> RetentionDays.SIX_MONTHS;
            case 365 -> RetentionDays.ONE_YEAR;
            default ->
                throw new IllegalArgumentException(
                        "logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 180, 365: " + days);
        };
    }

    /** "Dev" for stack names: {@code TicketingWarrior-Dev-Network}. */
    String title() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid environment settings: " + message);
        }
    }

    /** Context values arrive as JSON numbers and booleans from cdk.json, but as strings from {@code -c key=value}. */
    private record Values(String env, Function<String, Object> lookup) {

        String text(String key) {
            return optionalText(key)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "missing context value '" + key + "' for environment '" + env + "'"));
        }

        Optional<String> optionalText(String key) {
            return Optional.ofNullable(lookup.apply(key)).map(Object::toString).filter(value -> !value.isBlank());
        }

        int integer(String key) {
            Object value = lookup.apply(key);
            if (value instanceof Number number) {
                return number.intValue();
            }
            try {
                return Integer.parseInt(text(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context value '" + key + "' must be a whole number: " + value, e);
            }
        }

        /** A list in cdk.json; on the command line, {@code name|start|end|minTasks} entries separated by {@code ;}. */
        List<ScheduledEvent> events(String key) {
            Object value = lookup.apply(key);
            List<ScheduledEvent> events = new ArrayList<>();
            if (value == null || value.toString().isBlank()) {
                return events;
            }
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (!(item instanceof Map<?, ?> event)) {
                        throw new IllegalArgumentException("context value '" + key + "' must be a list of objects");
                    }
                    Values fields = new Values(env, field -> event.get(field));
                    events.add(new ScheduledEvent(
                            fields.text("name"), fields.text("start"), fields.text("end"), fields.integer("minTasks")));
                }
                return events;
            }
            for (String entry : value.toString().split(";")) {
                String[] fields = entry.trim().split("\\|");
                if (fields.length != 4) {
                    throw new IllegalArgumentException(
                            "context value '" + key + "' entries must be name|start|end|minTasks: " + entry);
                }
                int minTasks;
                try {
                    minTasks = Integer.parseInt(fields[3].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "context value '" + key + "': minTasks must be a whole number: " + entry, e);
                }
                events.add(new ScheduledEvent(fields[0].trim(), fields[1].trim(), fields[2].trim(), minTasks));
            }
            return events;
        }

        boolean flag(String key) {
            Object value = lookup.apply(key);
            if (value instanceof Boolean bool) {
                return bool;
            }
            return switch (optionalText(key).orElse("false").trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("context value '" + key + "' must be true or false");
            };
        }
    }
}
