package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A --target run plays the deployment's rounds, as its clock announces them, not a period it assumed. */
class RoundTimingTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A deployment at the game's defaults: 60 s rounds, open 15 s (SPEC §2). */
    private static final String CLOCK_60S = """
            {"serverTime":"2026-11-24T10:15:07.250Z",
             "round":{"id":"20261124T101500Z","opensAt":"2026-11-24T10:15:00Z",
                      "closesAt":"2026-11-24T10:15:15Z","phase":"OPEN"},
             "nextRound":{"id":"20261124T101600Z","opensAt":"2026-11-24T10:16:00Z"}}""";

    private final List<String> read = new ArrayList<>();

    @Test
    void playsTheDeploymentsRoundsWhenNoPeriodIsGiven() throws Exception {
        SoakOptions options = RoundTiming.resolve(target(), clock(CLOCK_60S));

        assertThat(options.period()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.openFor()).isEqualTo(Duration.ofSeconds(15));
        assertThat(read).containsExactly("https://drill.example/api/v1/clock");
    }

    /** perf/soak passed --period 20s to every run: against a 60 s deployment most audited windows were no round. */
    @Test
    void refusesAGivenPeriodThatDisagreesWithTheDeployments() {
        assertThatThrownBy(() -> RoundTiming.resolve(target("--period", "20s"), clock(CLOCK_60S)))
                .isInstanceOf(SoakMain.CannotStart.class)
                .hasMessageContaining("--period 20s disagrees with the deployment")
                .hasMessageContaining("rounds every 60s");
        assertThatThrownBy(() -> RoundTiming.resolve(target("--open-for", "10s"), clock(CLOCK_60S)))
                .isInstanceOf(SoakMain.CannotStart.class)
                .hasMessageContaining("--open-for 10s disagrees")
                .hasMessageContaining("open for 15s");
    }

    @Test
    void takesAGivenPeriodThatAgrees() throws Exception {
        SoakOptions options = RoundTiming.resolve(target("--period", "60s", "--open-for", "15s"), clock(CLOCK_60S));

        assertThat(options.period()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.openFor()).isEqualTo(Duration.ofSeconds(15));
    }

    /** Jackson's other way of writing instants: seconds since the epoch with a fraction. */
    @Test
    void readsInstantsWrittenAsNumbers() throws Exception {
        String clock = """
                {"round":{"opensAt":1795515300.000000000,"closesAt":1795515310.500000000},
                 "nextRound":{"opensAt":1795515320.000000000}}""";

        SoakOptions options = RoundTiming.resolve(target(), clock(clock));

        assertThat(options.period()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.openFor()).isEqualTo(Duration.ofMillis(10_500));
    }

    /** Found by a perf engineer: with both given, a target nobody answered at was soaked anyway, every request failing. */
    @Test
    void doesNotStartAgainstATargetNobodyAnswersAtEvenWithBothGiven() {
        RoundTiming.Clock nobody = url -> {
            throw new IOException("GET " + url + " failed", new ConnectException());
        };

        assertThatThrownBy(() -> RoundTiming.resolve(target("--period", "60s", "--open-for", "15s"), nobody))
                .isInstanceOf(SoakMain.CannotStart.class)
                .hasMessageContaining("cannot reach https://drill.example/api/v1/clock");
    }

    @Test
    void doesNotStartWithoutTheDeploymentsTimingUnlessBothAreGiven() throws Exception {
        RoundTiming.Clock down = url -> {
            throw new IOException("GET " + url + " answered 503: {}");
        };

        assertThatThrownBy(() -> RoundTiming.resolve(target("--period", "60s"), down))
                .isInstanceOf(SoakMain.CannotStart.class)
                .hasMessageContaining("could not read the round timing")
                .hasMessageContaining("give --period and --open-for");
        assertThatThrownBy(() -> RoundTiming.resolve(target(), clock("{\"serverTime\":\"2026-11-24T10:15:07Z\"}")))
                .isInstanceOf(SoakMain.CannotStart.class)
                .hasMessageContaining("no round.opensAt");
        SoakOptions given = RoundTiming.resolve(target("--period", "30s", "--open-for", "10s"), down);
        assertThat(given.period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(given.openFor()).isEqualTo(Duration.ofSeconds(10));
    }

    /** A local run configures its own services with --period and --open-for: nothing to read. */
    @Test
    void leavesALocalRunsTimingAsGiven() throws Exception {
        SoakOptions local = SoakOptions.parse(new String[] {"--period", "20s", "--open-for", "15s"}, Map.of());

        SoakOptions options = RoundTiming.resolve(local, clock(CLOCK_60S));

        assertThat(options).isSameAs(local);
        assertThat(read).isEmpty();
    }

    private static SoakOptions target(String... more) {
        List<String> args = new ArrayList<>(List.of("--target", "https://drill.example"));
        args.addAll(List.of(more));
        return SoakOptions.parse(args.toArray(String[]::new), Map.of());
    }

    private RoundTiming.Clock clock(String answer) {
        return url -> {
            read.add(url);
            JsonNode node = JSON.readTree(answer);
            return node;
        };
    }
}
