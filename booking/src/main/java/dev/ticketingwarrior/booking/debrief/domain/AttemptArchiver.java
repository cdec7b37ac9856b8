package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a closed round's human attempts from Redis to MySQL, so debriefs and history outlive the round's keys. Runs on
 * every instance; for each round closed at least {@code grace} ago (so its confirmations have landed) whose keys still
 * live, one instance claims the archive, writes every attempt (an idempotent upsert) and marks the round archived.
 * A claim whose instance died, or whose write failed (MySQL down), runs out after {@code lease} and the round is tried
 * again, as long as its keys live.
 */
public class AttemptArchiver {

    private static final Logger log = LoggerFactory.getLogger(AttemptArchiver.class);

    private final LiveAttempts live;
    private final ArchivedAttempts archive;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration grace;
    private final Duration lease;
    private final MeterRegistry meters;

    public AttemptArchiver(
            LiveAttempts live,
            ArchivedAttempts archive,
            RoundClock clock,
            RoundRetention retention,
            Duration grace,
            Duration lease,
            MeterRegistry meters) {
        this.live = live;
        this.archive = archive;
        this.clock = clock;
        this.retention = retention;
        this.grace = grace;
        this.lease = lease;
        this.meters = meters;
    }

    /**
     * Archives every round that is due and not archived yet. A round that fails does not hold the others back: they
     * are archived all the same, and the first failure is thrown at the end (its claim runs out and it is tried again).
     */
    public void archive() {
        Instant now = clock.now();
        RuntimeException failed = null;
        for (Round round : rounds(clock, retention, now)) {
            try {
                archive(round, now);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void archive(Round round, Instant now) {
        if (now.isBefore(round.closesAt().plus(grace)) || !live.claimArchive(round.id(), lease)) {
            return;
        }
        List<Attempt> attempts = live.ofRound(round.id());
        if (!attempts.isEmpty()) {
            archive.save(attempts, live.entered(round.id()).orElse(null));
            meters.counter("ticketing.debrief.archived").increment(attempts.size());
            log.info("archived {} human attempts of round {}", attempts.size(), round.id());
        }
        live.archived(round.id(), retention.ttl(round));
    }

    /** The current round and the earlier ones whose keys may still live at {@code now}, newest first. */
    static List<Round> rounds(RoundClock clock, RoundRetention retention, Instant now) {
        Round current = clock.roundAt(now);
        Duration period = clock.period();
        long back = retention.retention().toMillis() / period.toMillis() + 1;
        return java.util.stream.LongStream.rangeClosed(0, back)
                .mapToObj(i -> clock.roundAt(current.opensAt().minus(period.multipliedBy(i))))
                .filter(round -> now.isBefore(round.endsAt().plus(retention.retention())))
                .toList();
    }
}
