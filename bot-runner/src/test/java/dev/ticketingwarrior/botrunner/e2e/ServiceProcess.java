package dev.ticketingwarrior.botrunner.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service started from its executable jar as a child process of the test JVM, with its output in a log file. It is
 * always destroyed: by {@link #close()}, and by a shutdown hook should the test JVM exit without it.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final Path jar;
    private final Thread reaper;

    private ServiceProcess(String name, Process process, Path log, int port, Path jar) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.jar = jar;
        this.reaper = new Thread(this::destroy, "reap-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * The executable jar of a sibling module, e.g. {@code ../admission/target/admission-0.1.0-SNAPSHOT.jar} (never
     * the classifier-less {@code .jar.original} the repackaging leaves next to it).
     */
    static Optional<Path> executableJar(String module) {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith(module + "-")
                                && fileName.endsWith(".jar")
                                && !fileName.endsWith("-sources.jar")
                                && !fileName.endsWith("-javadoc.jar")
                                && !fileName.endsWith("-plain.jar");
                    })
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            // a copy of its own: a rebuild of the module while the test runs replaces the jar under the running JVM,
            // which then fails to load its classes (seen as a hung service in the middle of the round)
            Path copy = Files.copy(jar, logDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            String java = ProcessHandle.current().info().command().orElse("java");
            // C1 only and the serial collector: on a busy 2-core machine the C2 compiler threads and parallel GC
            // threads of two freshly started services would take the CPU the test's round needs; behaviour is the same
            List<String> command = new ArrayList<>(
                    List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", copy.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(name, builder.start(), log, port, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " from " + jar, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for {@code /actuator/health/readiness} to answer 200; fails with the log's tail if it never does. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + tail());
    }

    /**
     * A few dozen calls to these paths (any answer will do), so a JVM that just started has loaded and compiled its
     * request path before the round's burst arrives.
     */
    void warmUp(String... paths) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 30; i++) {
            for (String path : paths) {
                try {
                    http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException ignored) {
                    // warming up only
                }
            }
        }
    }

    /**
     * A booking call with a token of an unknown key id: booking's verifier then fetches admission's JWKS, which it
     * otherwise does on the round's first player call, while the whole field waits.
     */
    void presentUnknownToken() throws InterruptedException {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(
                "{\"alg\":\"ES256\",\"kid\":\"warm-up\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString("{\"sub\":\"warm-up\"}".getBytes(StandardCharsets.UTF_8));
        String token = header + "." + payload + "." + base64.encodeToString(new byte[64]);
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/bookings"))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"holdId\":\"warm-up\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException ignored) {
            // warming up only
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            // only disk space: target/ is cleaned by the next build
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
