package dev.ticketingwarrior.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Pid files for the servers the stack starts, so a launcher killed without its shutdown hook (kill -9, a crashed
 * test JVM) leaves nothing behind: the next start finds the pid file and ends the orphan.
 */
final class Processes {

    private Processes() {}

    /** Ends the process named in {@code pidFile} if it is still alive and its command line mentions {@code name}. */
    static void killOrphan(Path pidFile, String name) {
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(process -> {
            String command = process.info().commandLine().orElse("");
            if (command.contains(name)) {
                process.destroy();
                try {
                    process.onExit().get(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file that cannot be removed is harmless: it is checked against the command line
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
