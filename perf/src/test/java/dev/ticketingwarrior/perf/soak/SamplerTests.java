package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.perf.audit.AdmissionSample;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The sampler beside the rounds (real time, scaled down): admission's counters from every round's open, the drill
 * round's too, and heap readings that never hold up the next round's samples.
 */
class SamplerTests {

    private static final Duration OPEN_FOR = Duration.ofMillis(1_500);
    private static final Duration PERIOD = Duration.ofMillis(3_000);
    /** As FaultDrills.atOpen waits 3 s into the surge before it starts a drill. */
    private static final Duration DRILL_INTO_THE_SURGE = Duration.ofMillis(1_000);
    /** As jcmd's forced GC of a few services can take. */
    private static final Duration HEAP_READING = Duration.ofMillis(4_000);

    @Test
    void samplesEveryRoundFromItsOpenWhateverTheDrillsAndTheHeapReadingsTake() {
        Instant first = Instant.now().plusMillis(300);
        List<RoundWindow> windows = List.of(window("r1", first), window("r2", first.plus(PERIOD)));
        Map<String, List<AdmissionSample>> admission = new ConcurrentHashMap<>();
        Map<String, Map<String, HeapReading>> heaps = new ConcurrentHashMap<>();
        Sampler sampler = new Sampler(
                window -> Optional.of(new AdmissionSample(window.roundId(), Instant.now(), 1, 1, 0)),
                window -> {
                    SoakMain.sleepUntil(Instant.now().plus(HEAP_READING));
                    return Map.of();
                },
                (position, window) -> {
                    if (position == 0) { // the drill's round
                        SoakMain.sleepUntil(window.opensAt().plus(DRILL_INTO_THE_SURGE));
                    }
                },
                Duration.ofMillis(100),
                Duration.ofMillis(200));

        sampler.run(windows, admission, heaps, Duration.ofSeconds(20));

        assertThat(admission.get("r1"))
                .as("the drill's round, sampled through the surge's peak before the drill starts")
                .isNotEmpty()
                .first()
                .satisfies(s -> assertThat(s.at()).isBefore(first.plus(DRILL_INTO_THE_SURGE)));
        assertThat(admission.get("r2"))
                .as("the round after a heap reading longer than the gap between rounds")
                .hasSizeGreaterThan(3);
        assertThat(heaps).as("every round's heap read, after the samples").containsOnlyKeys("r1", "r2");
    }

    private static RoundWindow window(String id, Instant opens) {
        return new RoundWindow(id, opens, opens.plus(OPEN_FOR));
    }
}
