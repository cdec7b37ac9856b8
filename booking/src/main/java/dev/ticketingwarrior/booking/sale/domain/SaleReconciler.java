package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles sales that their booking request left open (SPEC §9: a seat sold in Redis always has a booking behind it):
 * the booking service was killed between the sale and the confirmation's send or its completion, or SQS's
 * acknowledgement never came (in doubt). Each open sale older than {@code grace} has its confirmation sent again — the
 * listener's write is idempotent by booking id, so a confirmation that was queued after all confirms once — and is then
 * completed as an accepted booking: the pending copy kept, the hold closed, the Idempotency-Key answered 202, so the
 * player's retry learns the booking. A send that fails leaves the sale open for the next run.
 */
public final class SaleReconciler {

    private static final Logger log = LoggerFactory.getLogger(SaleReconciler.class);
    /**
     * Every how many passes a pass also walks the rounds past their keys' retention whose sales are still kept (SQS
     * away for longer than the retention): rarer than a recent open sale, so looked at once a minute by default rather
     * than every five seconds, which bounds a pass's work when rounds are short.
     */
    static final int OLDER_EVERY = 12;
    /** How many settled bookings a pass's log line names by id. */
    static final int NAMED = 5;

    private final Sales sales;
    private final ConfirmationOutbox outbox;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration grace;
    private final int batch;
    private final Counter settled;
    private long passes;

    /** {@code grace}: how long a sale may stay open before it counts as abandoned by its request. */
    public SaleReconciler(
            Sales sales,
            ConfirmationOutbox outbox,
            RoundClock clock,
            RoundRetention retention,
            Duration grace,
            int batch,
            MeterRegistry meters) {
        this.sales = Objects.requireNonNull(sales, "sales");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.batch = batch;
        this.settled = Counter.builder("ticketing.sales.reconciled")
                .description("open sales whose confirmation the reconciler sent again and settled")
                .register(meters);
    }

    /**
     * One pass, the newest round first, over every round whose keys are still kept, and every {@link #OLDER_EVERY}th
     * pass (the first one too) over the older rounds whose sales are still kept as well: a sale stays open until it is
     * settled, however long SQS or every booking instance was away. Returns how many open sales it settled.
     */
    public int reconcile() {
        Instant now = clock.now();
        boolean older = passes++ % OLDER_EVERY == 0;
        int count = 0;
        for (Round round = clock.roundAt(now);
                retention.kept(round, BookingService.SALES_OUTLIVE_KEYS);
                round = clock.roundAt(round.opensAt().minusMillis(1))) {
            if (older || retention.kept(round)) {
                count += reconcile(round, now);
            }
        }
        return count;
    }

    private int reconcile(Round round, Instant now) {
        Sales.Retention keep = BookingService.keep(round, retention);
        List<String> bookings = new ArrayList<>();
        try {
            for (Sale sale : sales.claimOpen(round.id(), now.minus(grace), now, batch, keep)) {
                outbox.send(sale.booking()); // throws: the sale stays open and is claimed again after the grace
                sale.commit();
                settled.increment();
                bookings.add(sale.booking().id().toString());
                log.debug(
                        "open sale {} of seat {} settled: its confirmation was sent again",
                        sale.booking().id(),
                        sale.hold().seatId());
            }
        } finally {
            if (!bookings.isEmpty()) {
                log.info(
                        "{} open sale(s) of round {} settled, their confirmations sent again: {}",
                        bookings.size(),
                        round.id(),
                        named(bookings));
            }
        }
        return bookings.size();
    }

    /** The bookings a pass settled, the first {@link #NAMED} of them by id: a flood after an outage stays one line. */
    static String named(List<String> bookings) {
        if (bookings.size() <= NAMED) {
            return String.join(", ", bookings);
        }
        return String.join(", ", bookings.subList(0, NAMED)) + " and " + (bookings.size() - NAMED) + " more";
    }
}
