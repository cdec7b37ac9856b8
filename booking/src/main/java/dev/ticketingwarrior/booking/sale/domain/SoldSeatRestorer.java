package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Redis's sold seats in agreement with MySQL (SPEC §9: a seat SOLD at most once, in Redis and in MySQL). Redis
 * can lose writes — a restart without persistence, a failover to a replica that had not caught up — and would then
 * offer a seat MySQL already sold. Each pass reads the CONFIRMED seats of the current and the previous round from MySQL
 * and writes to Redis what differs; in agreement it writes nothing.
 */
public final class SoldSeatRestorer {

    private static final Logger log = LoggerFactory.getLogger(SoldSeatRestorer.class);

    private final Bookings bookings;
    private final Sales sales;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Counter restored;

    public SoldSeatRestorer(
            Bookings bookings, Sales sales, RoundClock clock, RoundRetention retention, MeterRegistry meters) {
        this.bookings = bookings;
        this.sales = sales;
        this.clock = clock;
        this.retention = retention;
        this.restored = Counter.builder("ticketing.sales.restored")
                .description("seats Redis had lost (or sold otherwise) made SOLD again as MySQL has them")
                .register(meters);
    }

    /** One pass; returns how many seats it changed in Redis. */
    public int restore() {
        Instant now = clock.now();
        Round current = clock.roundAt(now);
        Round previous = clock.roundAt(current.opensAt().minusMillis(1));
        return restore(previous) + restore(current);
    }

    private int restore(Round round) {
        int changed =
                sales.restoreSold(round.id(), bookings.soldSeats(round.id()), BookingService.keep(round, retention));
        if (changed > 0) {
            restored.increment(changed);
            log.warn("{} seats of round {} were not SOLD in Redis as in MySQL: restored", changed, round.id());
        }
        return changed;
    }
}
