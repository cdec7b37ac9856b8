package dev.ticketingwarrior.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack listens and keeps its files. Port 0 picks a free port. External servers named by the
 * environment ({@code REDIS_URL}, {@code MYSQL_URL}/{@code MYSQL_USER}/{@code MYSQL_PASSWORD}, {@code SQS_ENDPOINT})
 * replace the embedded ones.
 *
 * @param dataDir folder for MariaDB data, pid files and unpacked binaries
 * @param keepData whether MariaDB data survives a stop (true for {@code scripts/run}, false for tests)
 */
public record LocalStackSettings(
        Path dataDir, int redisPort, int mysqlPort, int sqsPort, boolean keepData, Map<String, String> environment) {

    /** Defaults of {@code scripts/run}: fixed non-default ports so a system Redis/MySQL does not collide. */
    public static final int DEFAULT_REDIS_PORT = 16379;

    public static final int DEFAULT_MYSQL_PORT = 13306;
    public static final int DEFAULT_SQS_PORT = 19324;

    public LocalStackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        environment = Map.copyOf(environment);
    }

    /** For {@code scripts/run}: fixed ports (overridable by REDIS_PORT, MYSQL_PORT, SQS_PORT), data kept. */
    public static LocalStackSettings forRun(Path dataDir, Map<String, String> environment) {
        return new LocalStackSettings(
                dataDir,
                port(environment, "REDIS_PORT", DEFAULT_REDIS_PORT),
                port(environment, "MYSQL_PORT", DEFAULT_MYSQL_PORT),
                port(environment, "SQS_PORT", DEFAULT_SQS_PORT),
                true,
                environment);
    }

    /** For tests: free ports, throw-away data. */
    public static LocalStackSettings forTests(Path dataDir, Map<String, String> environment) {
        return new LocalStackSettings(dataDir, 0, 0, 0, false, environment);
    }

    /**
     * {@code SQS_PERSISTENT=true}: ElasticMQ keeps queues and messages on disk under the data folder (an H2 file), so
     * it can be killed and started again without losing a message. Off by default: in memory is faster.
     */
    public boolean sqsPersistent() {
        return "true".equalsIgnoreCase(env("SQS_PERSISTENT"));
    }

    String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int port(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number 1-65535, got '" + value + "'");
        }
    }
}
