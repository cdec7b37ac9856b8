package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.AdmissionSample;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the run samples beside the rounds: admission's counters (the max-active check's evidence) every
 * {@code every} from each round's open to its close, and each service's heap once after its close. Neither waits for
 * the other: a fault drill's start (3 s into its round's surge) runs on a thread of its own, so the drill round is
 * sampled from its open, through the peak of the surge; and the heap readings (a forced GC through {@code jcmd},
 * up to 30 s a service) run one after another on a thread of their own, so they never hold up the next round's
 * samples.
 */
final class Sampler {

    /** Admission's counters of the round now, if they could be read and are the round's. */
    interface Stats {
        Optional<AdmissionSample> sample(RoundWindow window);
    }

    /** Called at each round's open (its position, warm-up rounds first); may sleep before it starts a drill. */
    interface AtOpen {
        void atOpen(int position, RoundWindow window);
    }

    private final Stats stats;
    private final Function<RoundWindow, Map<String, HeapReading>> heapsAfter;
    private final AtOpen atOpen;
    private final Duration every;
    private final Duration heapAfterClose;

    Sampler(
            Stats stats,
            Function<RoundWindow, Map<String, HeapReading>> heapsAfter,
            AtOpen atOpen,
            Duration every,
            Duration heapAfterClose) {
        this.stats = stats;
        this.heapsAfter = heapsAfter;
        this.atOpen = atOpen;
        this.every = every;
        this.heapAfterClose = heapAfterClose;
    }

    /**
     * Samples every round in turn into {@code admission} (by round id, present from its open) and {@code heaps}; returns
     * once the last round's heap was read (or {@code heapsWait} after its samples) and the drills' starts returned.
     */
    void run(
            List<RoundWindow> windows,
            Map<String, List<AdmissionSample>> admission,
            Map<String, Map<String, HeapReading>> heaps,
            Duration heapsWait) {
        ExecutorService heapReader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("soak-heap").daemon().factory());
        List<Thread> openers = new ArrayList<>();
        try {
            for (int i = 0; i < windows.size(); i++) {
                RoundWindow window = windows.get(i);
                SoakMain.sleepUntil(window.opensAt());
                List<AdmissionSample> samples = new CopyOnWriteArrayList<>();
                admission.put(window.roundId(), samples);
                int position = i;
                openers.add(
                        Thread.ofPlatform().name("soak-at-open").daemon().start(() -> atOpen.atOpen(position, window)));
                while (Instant.now().isBefore(window.closesAt())) {
                    stats.sample(window).ifPresent(samples::add);
                    SoakMain.sleepUntil(min(Instant.now().plus(every), window.closesAt()));
                }
                heapReader.execute(() -> {
                    SoakMain.sleepUntil(window.closesAt().plus(heapAfterClose));
                    heaps.put(window.roundId(), heapsAfter.apply(window));
                });
            }
            for (Thread opener : openers) {
                opener.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heapReader.shutdown();
            try {
                heapReader.awaitTermination(heapsWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
