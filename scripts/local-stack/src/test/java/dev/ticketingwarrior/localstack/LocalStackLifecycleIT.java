package dev.ticketingwarrior.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping: clear errors for taken ports, external servers honoured, no process left behind. */
class LocalStackLifecycleIT {

    @TempDir
    Path dataDir;

    @Test
    void refusesATakenPortWithAMessageThatSaysWhatToDo() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = squatter.getLocalPort();
            var settings = LocalStackSettings.forRun(dataDir, Map.of("REDIS_PORT", Integer.toString(port)));

            assertThatThrownBy(() -> LocalStack.start(settings, Component.REDIS))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("REDIS_PORT")
                    .hasMessageContaining("REDIS_URL");
        }
    }

    @Test
    void refusesAPortVariableThatIsNotAPort() {
        assertThatThrownBy(() -> LocalStackSettings.forRun(dataDir, Map.of("MYSQL_PORT", "eighty")))
                .hasMessageContaining("MYSQL_PORT");
    }

    @Test
    void usesAnExternalServerInsteadOfStartingOne() {
        var settings = LocalStackSettings.forTests(dataDir, Map.of("REDIS_URL", "redis://valkey.internal:6379"));

        try (LocalStack stack = LocalStack.start(settings, Component.REDIS)) {
            assertThat(stack.redisUrl()).isEqualTo("redis://valkey.internal:6379");
            assertThat(stack.describe()).containsExactly("Redis     redis://valkey.internal:6379  (external)");
        }
    }

    @Test
    void stopLeavesNoServerProcessBehind() {
        LocalStack stack = LocalStack.start(LocalStackSettings.forTests(dataDir, Map.of()), Component.REDIS);
        long pid = Processes.readPid(dataDir.resolve("redis.pid")).orElseThrow();
        assertThat(ProcessHandle.of(pid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        stack.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void endsAnOrphanLeftByAKilledLauncherOnTheNextStart() throws Exception {
        Path first = dataDir.resolve("first");
        LocalStack crashed = LocalStack.start(LocalStackSettings.forTests(first, Map.of()), Component.REDIS);
        long orphan = Processes.readPid(first.resolve("redis.pid")).orElseThrow();
        // simulate kill -9 of the launcher: the server lives on, its pid file stays
        Path keep = dataDir.resolve("keep.pid");
        java.nio.file.Files.copy(first.resolve("redis.pid"), keep);

        Processes.killOrphan(keep, "redis-server");

        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        crashed.close();
    }
}
