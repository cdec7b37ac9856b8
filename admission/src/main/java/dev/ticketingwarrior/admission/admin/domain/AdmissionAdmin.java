package dev.ticketingwarrior.admission.admin.domain;

import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import dev.ticketingwarrior.admission.queue.domain.RoundStats;
import dev.ticketingwarrior.admission.queue.domain.WaitingRoom;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live admission settings and stats. A change is stored globally (seeding every later round on every instance) and
 * applied to the running round in the same instant on all instances, because the round keeps its settings in Valkey;
 * the next round is seeded with it at once, so no instance still holding the previous settings can seed it with them.
 * Both a change and a stats read advance the round's counter first; whom that admits is counted in the metrics here.
 */
public final class AdmissionAdmin {

    private static final Logger audit = LoggerFactory.getLogger("audit.admission");

    private final LiveSettings<AdmissionSettings> current;
    private final WaitingRoom waitingRoom;
    private final RoundClock roundClock;
    private final QueueMetrics metrics;
    private final int recentRounds;

    public AdmissionAdmin(
            LiveSettings<AdmissionSettings> current,
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            QueueMetrics metrics,
            int recentRounds) {
        this.current = Objects.requireNonNull(current, "current");
        this.waitingRoom = Objects.requireNonNull(waitingRoom, "waitingRoom");
        this.roundClock = Objects.requireNonNull(roundClock, "roundClock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.recentRounds = recentRounds;
    }

    public Mono<AdmissionSettings> settings() {
        return current.refresh();
    }

    /**
     * Stores and applies {@code updated}; {@code changedBy} names the caller in the audit line. With {@code expected},
     * only if the settings in force are still those (ops changed them on what they last read): else nothing changes and
     * the answer says what is in force. The store reads what a change replaces in the same step as it writes, so of two
     * changes made at once each audit line names the one it replaced. Once stored, the change is in force for every
     * instance (each re-reads the store), so it is audited then. Applying it to the open round and the next one comes
     * after; if that fails, the change stands, a second audit line says so, and the error (503) tells ops to send it
     * again.
     */
    public Mono<Change> change(AdmissionSettings updated, String changedBy, Optional<AdmissionSettings> expected) {
        return current.swap(updated, expected).flatMap(swap -> {
            AdmissionSettings previous = swap.previous().orElseThrow();
            if (!swap.written()) {
                return Mono.just(new Change.Stale(previous));
            }
            Instant now = roundClock.now();
            Round round = roundClock.roundAt(now);
            audited(audit.atInfo(), changedBy, updated)
                    .addKeyValue("event.action", "admission-settings-changed")
                    .addKeyValue("previous", previous.toString())
                    .log("admission settings changed from {} to {} by {}", previous, updated, changedBy);
            // the next round too: an instance that has not re-read the global settings yet must not seed it with
            // the previous ones at its first entry
            return waitingRoom
                    .applySettings(round, now, previous, updated)
                    .doOnNext(metrics::admitted)
                    .then(waitingRoom
                            .applySettings(roundClock.nextAfter(now), now, previous, updated)
                            .doOnNext(metrics::admitted))
                    // stored and audited, not applied: only this step's failure is "not fully applied"
                    .doOnError(failed -> audited(audit.atWarn(), changedBy, updated)
                            .addKeyValue("event.action", "admission-settings-change-failed")
                            .addKeyValue("event.outcome", "failure")
                            .log(
                                    "admission settings {} by {} not fully applied: {}",
                                    updated,
                                    changedBy,
                                    failed.toString()))
                    .thenReturn(new Change.Made(updated));
        });
    }

    /** What a change did. */
    public sealed interface Change {

        /** Stored and in force. */
        record Made(AdmissionSettings settings) implements Change {}

        /** Not made: the settings in force were no longer those it was made on; these are. */
        record Stale(AdmissionSettings current) implements Change {}
    }

    /** An audit line of a settings change: who changed the settings, and to what. */
    private static LoggingEventBuilder audited(LoggingEventBuilder line, String changedBy, AdmissionSettings updated) {
        return line.addKeyValue("user.name", "ops")
                .addKeyValue("client.address", changedBy)
                .addKeyValue("updated", updated.toString());
    }

    /** The current round (empty when nobody entered it yet) and the recent rounds that had players. */
    public Mono<Stats> stats() {
        Instant now = roundClock.now();
        Round currentRound = roundClock.roundAt(now);
        List<Round> recent = new ArrayList<>();
        Instant cursor = currentRound.opensAt();
        for (int i = 0; i < recentRounds; i++) {
            cursor = cursor.minus(roundClock.period());
            recent.add(roundClock.roundAt(cursor));
        }
        AdmissionSettings seed = current.get();
        Mono<Optional<RoundStats>> currentStats = counted(waitingRoom.stats(currentRound, now, seed))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<List<RoundStats>> recentStats = Flux.fromIterable(recent)
                .concatMap(round -> counted(waitingRoom.stats(round, now, seed)))
                .collectList();
        return Mono.zip(currentStats, recentStats)
                .map(both -> new Stats(now, currentRound, both.getT1(), both.getT2()));
    }

    private Mono<RoundStats> counted(Mono<RoundStats> stats) {
        return stats.doOnNext(read -> metrics.admitted(read.newlyAdmitted()));
    }

    /** Stats of the current round and of recent ones, newest first. */
    public record Stats(Instant at, Round currentRound, Optional<RoundStats> current, List<RoundStats> recent) {}
}
