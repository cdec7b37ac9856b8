package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeats;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Redis's sold seats in agreement with MySQL (SPEC §9: a seat SOLD at most once, in Redis and in MySQL). Redis
 * can lose writes — a restart without persistence, a failover to a replica that had not caught up — and would then
 * offer a seat MySQL already sold. Each pass looks at every round whose keys Redis still keeps (the current one first;
 * a closed round's public seat map reads its sold seats there too) and writes to Redis what differs; in agreement it
 * writes nothing.
 *
 * <p>A pass reads only the rows confirmed since the round's previous pass (less {@link #OVERLAP}): what a failover can
 * have lost is recent. A pass over all of the round's rows comes first, again every {@code allEvery}, and at once when
 * Redis no longer has the mark of the last one (it came back empty): so the work of a pass follows the confirmations
 * of the last seconds, not the size of the venue. One background thread runs the passes.
 *
 * <p>A hold does not wait for the next pass: in a round without the mark it has the round restored at once
 * ({@link #restoreNow}), one pass over all of its rows shared by the holds that ask meanwhile, and waits for it at most
 * {@code holdWaitsAtMost}: a MySQL that hangs (its circuit still closed) must not hold up every hold of the round for
 * its connection timeout. So that this is rare, each pass first marks the next round, which MySQL cannot have sold
 * anything of yet, without asking MySQL.
 */
public final class SoldSeatRestorer {

    /**
     * How far before the previous pass's read a pass reads again: a row is stamped when its statement starts and seen
     * once it commits, which MySQL's socket timeout (5 s) bounds.
     */
    static final Duration OVERLAP = Duration.ofSeconds(6);

    /**
     * A pass marks the next round only while it opens at least this much later: an instance whose clock lags behind
     * the others' by less cannot mark a round that is already selling (passes run every few seconds, so each round is
     * still marked many times ahead).
     */
    static final Duration MARK_AHEAD = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SoldSeatRestorer.class);
    /** A failed or slow restore for holds (MySQL down or hanging): one line of a kind every 10 s. */
    private static final RepeatedWarnings unknown = new RepeatedWarnings(log);

    private final Bookings bookings;
    private final SoldSeatCopies copies;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration allEvery;
    private final Duration holdWaitsAtMost;
    private final Counter restored;
    private Map<RoundId, Pass> passes = Map.of();
    /** The restores holds asked for, by round, while they run: the holds that ask meanwhile wait for the same one. */
    private final ConcurrentMap<RoundId, CompletableFuture<Boolean>> asked = new ConcurrentHashMap<>();

    /** Where the last pass over a round left off: the database's time of its read, and when all rows were last read. */
    private record Pass(Instant readAsOf, Instant allAt) {}

    /**
     * {@code allEvery}: how often a pass reads all of a round's rows; {@code holdWaitsAtMost}: how long a hold waits for
     * its round's restore before it goes on unchecked.
     */
    public SoldSeatRestorer(
            Bookings bookings,
            SoldSeatCopies copies,
            RoundClock clock,
            RoundRetention retention,
            Duration allEvery,
            Duration holdWaitsAtMost,
            MeterRegistry meters) {
        this.bookings = bookings;
        this.copies = copies;
        this.clock = clock;
        this.retention = retention;
        this.allEvery = allEvery;
        this.holdWaitsAtMost = holdWaitsAtMost;
        this.restored = Counter.builder("ticketing.sales.restored")
                .description("seats Redis had lost (or sold otherwise) made SOLD again as MySQL has them")
                .register(meters);
    }

    /** One pass; returns how many seats it changed in Redis. */
    public int restore() {
        Instant now = clock.now();
        Round coming = clock.nextAfter(now);
        if (!now.plus(MARK_AHEAD).isAfter(coming.opensAt())) {
            copies.restore(coming.id(), List.of(), true, BookingService.keep(coming, retention));
        }
        Map<RoundId, Pass> next = new HashMap<>();
        int changed = 0;
        for (Round round = clock.roundAt(now);
                retention.kept(round);
                round = clock.roundAt(round.opensAt().minusMillis(1))) {
            changed += restore(round, now, next);
        }
        passes = next;
        return changed;
    }

    private int restore(Round round, Instant now, Map<RoundId, Pass> next) {
        Pass last = passes.get(round.id());
        Sales.Retention keep = BookingService.keep(round, retention);
        if (last != null && now.isBefore(last.allAt().plus(allEvery))) {
            SoldSeats lately = bookings.soldSeats(round.id(), last.readAsOf().minus(OVERLAP));
            OptionalInt changed = copies.restore(round.id(), lately.seats(), false, keep);
            if (changed.isPresent()) {
                next.put(round.id(), new Pass(lately.asOf(), last.allAt()));
                return counted(round, changed.getAsInt());
            }
        }
        SoldSeats all = bookings.soldSeats(round.id(), Instant.EPOCH);
        next.put(round.id(), new Pass(all.asOf(), now));
        return writeAll(round, all);
    }

    /** All of the round's sold seats into Redis, and the mark that it holds them; how many seats it changed. */
    private int writeAll(Round round, SoldSeats all) {
        Sales.Retention keep = BookingService.keep(round, retention);
        return counted(
                round, copies.restore(round.id(), all.seats(), true, keep).orElse(0));
    }

    /**
     * For a hold in a round whose sold seats Redis may have lost: one pass over all of the round's rows, on a thread of
     * its own, shared by the holds that ask while it runs. True once the round's sold seats are in Redis; false when
     * that did not happen within {@code holdWaitsAtMost} (MySQL or Valkey failed or is slow: logged, and the pass goes
     * on without the hold): the hold then goes on unchecked, and meets Valkey itself.
     */
    public boolean restoreNow(Round round) {
        CompletableFuture<Boolean> pass = asked.get(round.id());
        if (pass == null) {
            CompletableFuture<Boolean> mine = new CompletableFuture<>();
            pass = asked.putIfAbsent(round.id(), mine);
            if (pass == null) {
                pass = mine;
                Thread.ofVirtual().name("sold-seat-restore-" + round.id()).start(() -> restoreAll(round, mine));
            }
        }
        try {
            return pass.get(holdWaitsAtMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            unknown.warn(
                    "slow",
                    "sold seats of round {} not restored within {} ms for a hold: holds go on unchecked meanwhile",
                    round.id(),
                    holdWaitsAtMost.toMillis());
            return false;
        } catch (ExecutionException | CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The pass {@link #restoreNow} asked for; whatever ends it (an Error too), the holds waiting for it go on. */
    private void restoreAll(Round round, CompletableFuture<Boolean> done) {
        try {
            SoldSeats all = bookings.soldSeats(round.id(), Instant.EPOCH);
            writeAll(round, all);
            done.complete(true);
        } catch (RuntimeException e) {
            unknown.warn(
                    "failed",
                    "sold seats of round {} not restored for a hold: holds go on unchecked: {}",
                    round.id(),
                    e.toString());
        } finally {
            done.complete(false);
            asked.remove(round.id(), done);
        }
    }

    private int counted(Round round, int changed) {
        if (changed > 0) {
            restored.increment(changed);
            log.warn("{} seats of round {} were not SOLD in Redis as in MySQL: restored", changed, round.id());
        }
        return changed;
    }
}
