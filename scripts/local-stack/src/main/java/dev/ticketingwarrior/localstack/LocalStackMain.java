package dev.ticketingwarrior.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code java -jar local-stack-all.jar [data-dir]}: starts the whole local stack on its fixed ports, writes the
 * connection settings to {@code <data-dir>/stack.env} for scripts, and runs until Ctrl-C or SIGTERM.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        }
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".local/stack").toAbsolutePath();
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.forRun(dataDir, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = LocalStack.create(settings);
        try {
            // registered before anything starts, so Ctrl-C during start-up leaves no server behind
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                stack.close();
                                stopped.countDown();
                            },
                            "local-stack-stop"));
            stack.ensure(components(System.getenv("LOCAL_STACK_COMPONENTS")));
        } catch (PortTakenException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("local-stack: failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Path envFile = dataDir.resolve("stack.env");
        writeEnv(envFile, stack.environment());
        stack.describe().forEach(line -> System.out.println("local-stack: " + line));
        System.out.println("local-stack: READY (settings in " + envFile + ")");
        stopped.await();
    }

    /** {@code LOCAL_STACK_COMPONENTS=REDIS,SQS} starts only those (benchmarks need only some); default all. */
    static Component[] components(String list) {
        if (list == null || list.isBlank()) {
            return Component.values();
        }
        try {
            return Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .map(name -> Component.valueOf(name.toUpperCase(Locale.ROOT)))
                    .toArray(Component[]::new);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "LOCAL_STACK_COMPONENTS must list REDIS, MYSQL, SQS; got '" + list + "'");
        }
    }

    private static void writeEnv(Path file, Map<String, String> env) throws IOException {
        Files.createDirectories(file.getParent());
        String text = env.entrySet().stream()
                .map(entry -> "export " + entry.getKey() + "='" + entry.getValue() + "'")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
