package dev.ticketingwarrior.perf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetHealthLogTests {

    private static final Instant AT = Instant.parse("2026-12-04T16:40:01.123456Z");

    @TempDir
    Path dir;

    @Test
    void readsBackTheLineABalancerWrites() {
        String line = TargetHealthLog.line(
                "booking", AT, new Rotation.HealthChange("booking-2@8092", "127.0.0.1:8092", false, false));

        assertThat(line)
                .isEqualTo("balancer booking: 2026-12-04T16:40:01.123456Z booking-2@8092 (127.0.0.1:8092)"
                        + " out of service");
        assertThat(TargetHealthLog.parse(line))
                .contains(new TargetHealthLog.Entry(AT, "booking", "booking-2@8092", "127.0.0.1:8092", false, false));
    }

    @Test
    void readsEveryBalancerLogOfADirectoryOldestFirstAndNothingElse() throws IOException {
        Rotation.HealthChange out = new Rotation.HealthChange("admission@1", "127.0.0.1:1", false, false);
        Rotation.HealthChange back = new Rotation.HealthChange("admission@1", "127.0.0.1:1", true, false);
        Rotation.HealthChange booking = new Rotation.HealthChange("booking@2", "127.0.0.1:2", false, true);
        Files.write(
                dir.resolve("admission-balancer.log"),
                List.of(
                        "balancer: READY 127.0.0.1:9 -> admission@1=127.0.0.1:1 (control :10, slow start 30 s)",
                        TargetHealthLog.line("admission", AT, out),
                        "balancer: 2026-12-04T16:40:02Z POST /targets/admission@1/drain",
                        TargetHealthLog.line("admission", AT.plusSeconds(12), back)));
        Files.write(
                dir.resolve("booking-balancer.log"),
                List.of(TargetHealthLog.line("booking", AT.plusSeconds(5), booking)));
        Files.write(dir.resolve("booking.log"), List.of(TargetHealthLog.line("booking", AT, booking)));

        assertThat(TargetHealthLog.read(dir))
                .extracting(e -> e.balancer() + " " + e.target() + " " + e.inService())
                .containsExactly(
                        "admission admission@1 false", "booking booking@2 false", "admission admission@1 true");
    }

    @Test
    void aDirectoryWithoutBalancersHasNoChanges() {
        assertThat(TargetHealthLog.read(dir)).isEmpty();
        assertThat(TargetHealthLog.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void aLineThatOnlyLooksLikeOneIsNotAChange() {
        assertThat(TargetHealthLog.parse("balancer booking: yesterday booking@2 (127.0.0.1:2) out of service"))
                .isEmpty();
        assertThat(TargetHealthLog.parse("balancer booking: 2026-12-04T16:40:01Z booking@2 (127.0.0.1:2) draining"))
                .isEmpty();
    }
}
