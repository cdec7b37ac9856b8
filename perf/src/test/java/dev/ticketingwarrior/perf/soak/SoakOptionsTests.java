package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.perf.audit.AuditConfig;
import dev.ticketingwarrior.perf.journey.ArrivalPattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakOptionsTests {

    @Test
    void readsTheCommandLineWithLocalDefaults() {
        SoakOptions options = SoakOptions.parse(
                new String[] {"--rounds", "30", "--players", "400", "--period", "60s", "--pid", "booking=42"},
                Map.of("TICKETING_OPS_TOKEN", "ops"));

        assertThat(options.rounds()).isEqualTo(30);
        assertThat(options.players()).isEqualTo(400);
        assertThat(options.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.admissionRate()).isEqualTo(100);
        assertThat(options.pids()).containsEntry("booking", 42L);
        assertThat(options.opsToken()).contains("ops");
        assertThat(options.target()).isEqualTo("local");
        assertThat(options.admissionUrl()).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void sendsEveryCallToTheTargetWhenOneIsGiven() {
        SoakOptions options = SoakOptions.parse(new String[] {"--target", "https://drill.example"}, Map.of());

        assertThat(options.admissionUrl()).isEqualTo("https://drill.example");
        assertThat(options.bookingUrl()).isEqualTo("https://drill.example");
        assertThat(options.opsToken()).isEmpty();
    }

    /** Without --target the data servers are the private stack perf/soak started: the auditor must read them. */
    @Test
    void tellsTheAuditorTheServersOfALocalRunAreTheRunsOwn() {
        Map<String, String> env = Map.of("MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/t", "REDIS_URL", "redis://h:6379");

        AuditConfig local = AuditSettings.fromEnvironment(SoakOptions.parse(new String[0], Map.of()), env);
        AuditConfig remote = AuditSettings.fromEnvironment(
                SoakOptions.parse(new String[] {"--target", "https://drill.example"}, Map.of()), env);

        assertThat(local.setUpByTheRun()).isTrue();
        assertThat(local.configured()).containsExactlyInAnyOrder("mysql", "redis");
        assertThat(remote.setUpByTheRun()).isFalse();
    }

    /** Every drill acts on the local stack (pids, servers, proxies): with --target each would fail at once. */
    @Test
    void refusesFaultDrillsAgainstATarget() {
        assertThatThrownBy(() -> SoakOptions.parse(
                        new String[] {"--target", "https://drill.example", "--faults", "kill-booking"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--faults acts on the local stack")
                .hasMessageContaining("leave out --faults or --target");
        assertThat(SoakOptions.parse(new String[] {"--faults", "kill-booking"}, Map.of())
                        .faults())
                .containsExactly("kill-booking");
    }

    @Test
    void refusesAWindowLongerThanTheRound() {
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--period", "10s", "--open-for", "15s"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--open-for");
    }

    @Test
    void refusesARoundSurgeOfManyRounds() {
        assertThatThrownBy(
                        () -> SoakOptions.parse(new String[] {"--simulation", "RoundSurge", "--rounds", "2"}, Map.of()))
                .hasMessageContaining("one round");
    }

    @Test
    void bringsPlayersAtTheOpenUnlessToldToSpreadThem() {
        assertThat(SoakOptions.parse(new String[0], Map.of()).arrivals()).isEqualTo(ArrivalPattern.OPEN);
        assertThat(SoakOptions.parse(new String[] {"--arrivals", "spread"}, Map.of())
                        .arrivals())
                .isEqualTo(ArrivalPattern.SPREAD);
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--arrivals", "later"}, Map.of()))
                .hasMessageContaining("--arrivals must be open or spread");
    }

    @Test
    void warmsUpOneRoundUnlessToldOtherwise() {
        assertThat(SoakOptions.parse(new String[0], Map.of()).warmUpRounds()).isEqualTo(1);
        assertThat(SoakOptions.parse(new String[] {"--warm-up", "0"}, Map.of()).warmUpRounds())
                .isZero();
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--warm-up", "-1"}, Map.of()))
                .hasMessageContaining("--warm-up");
    }

    @Test
    void numbersTheMeasuredRoundsFromOneAfterTheWarmUp() {
        SoakOptions options = SoakOptions.parse(new String[] {"--rounds", "3", "--warm-up", "2"}, Map.of());

        assertThat(List.of(0, 1, 2, 3, 4).stream().map(options::roundNumber)).containsExactly(-1, 0, 1, 2, 3);
    }

    /** Found by a perf engineer: a typo ran the defaults, and nonsense values were taken as they were. */
    @Test
    void refusesWhatItDoesNotKnowOrCannotUse() {
        Map<String[], String> refused = new LinkedHashMap<>();
        refused.put(new String[] {"--rouns", "1"}, "unknown option --rouns");
        // last, without a value: unknown is said as such, not "needs a value"
        refused.put(new String[] {"--rounds", "2", "--verbose"}, "unknown option --verbose");
        refused.put(new String[] {"--rounds", "2", "--drain"}, "--drain needs a value");
        refused.put(new String[] {"--players", "-1"}, "--players must be a whole number of at least 1, got '-1'");
        refused.put(new String[] {"--rounds", "0"}, "--rounds must be a whole number of at least 1");
        refused.put(new String[] {"--bots", "-5"}, "--bots must be a whole number of at least 0");
        refused.put(new String[] {"--players", "many"}, "--players must be a whole number");
        refused.put(new String[] {"--sse-share", "7"}, "--sse-share must be a number from 0 to 1, got '7'");
        refused.put(new String[] {"--difficulty", "easy"}, "--difficulty must be one of EASY, NORMAL, HARD, INSANE");
        refused.put(new String[] {"--period", "20"}, "--period 20 needs a unit: 20s, 20ms or 20m");
        refused.put(new String[] {"--drain", "soon"}, "--drain must be a duration such as 20s");
        refused.put(new String[] {"--pid", "booking"}, "--pid must look like service=1234");
        refused.forEach((args, message) -> assertThatThrownBy(() -> SoakOptions.parse(args, Map.of()))
                .as(String.join(" ", args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message));
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(SoakOptions.duration("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(SoakOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SoakOptions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SoakOptions.duration("PT15S")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void takesSeveralInstancesOfAServiceAndSendsOpsCallsToTheFirst() {
        SoakOptions options = SoakOptions.parse(
                new String[] {
                    "--admission-url", "http://127.0.0.1:1,http://127.0.0.1:2",
                    "--booking-url", "http://127.0.0.1:3,http://127.0.0.1:4",
                    "--bot-runner-url", "http://127.0.0.1:5"
                },
                Map.of());

        assertThat(options.admissionUrls()).containsExactly("http://127.0.0.1:1", "http://127.0.0.1:2");
        assertThat(options.admissionUrl()).isEqualTo("http://127.0.0.1:1");
        assertThat(options.bookingUrl()).isEqualTo("http://127.0.0.1:3");
        assertThat(HeapReading.actuatorUrl(options, "admission-2")).isEqualTo("http://127.0.0.1:2");
        assertThat(HeapReading.actuatorUrl(options, "booking")).isEqualTo("http://127.0.0.1:3");
        assertThat(HeapReading.actuatorUrl(options, "bot-runner")).isEqualTo("http://127.0.0.1:5");
        assertThat(HeapReading.actuatorUrl(options, "bot-runner-2")).isEmpty();
    }

    @Test
    void findsALocalServiceAddressOnItsCommandLine() throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "sleep 30; exit 0", "bash", "--server.port=4321").start();
        try {
            assertThat(HeapReading.listeningOn(process.pid())).contains("http://127.0.0.1:4321");
        } finally {
            process.destroyForcibly();
        }
        assertThat(HeapReading.listeningOn(ProcessHandle.current().pid())).isEmpty();
        assertThat(HeapReading.serverPort(new String[] {"-jar", "a.jar", "--server.port=1", "--server.port=2"}))
                .contains("2");
        assertThat(HeapReading.serverPort(new String[] {"--server.port=x"})).isEmpty();
    }
}
