package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books a held seat: the seat is marked SOLD in Redis (with the request's Idempotency-Key marked in progress, in the
 * same step), then the confirmation is queued in SQS, and only then is the booking accepted (202) and the key
 * answered. If SQS refuses, the sale is undone and the hold stays, so the player can retry with the same key.
 */
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    /** Longest a pending copy waits for its row: well past a 10-minute MySQL outage or a DLQ redrive days later. */
    private static final Duration PENDING_AT_MOST = Duration.ofDays(3);
    /** How much longer than the round's other keys a sale is kept: until the reconciler has settled it. */
    static final Duration SALES_OUTLIVE_KEYS = Duration.ofHours(1);

    private final Sales sales;
    private final KeptBookings keptBookings;
    private final ConfirmationOutbox outbox;
    private final Bookings bookings;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final MeterRegistry meters;

    public BookingService(
            Sales sales,
            KeptBookings keptBookings,
            ConfirmationOutbox outbox,
            Bookings bookings,
            RoundClock clock,
            RoundRetention retention,
            MeterRegistry meters) {
        this.sales = sales;
        this.keptBookings = keptBookings;
        this.outbox = outbox;
        this.bookings = bookings;
        this.clock = clock;
        this.retention = retention;
        this.meters = meters;
    }

    /** Books the player's hold {@code holdId} once per {@code idempotencyKey}. */
    public BookingOutcome book(Round round, Player player, String idempotencyKey, String holdId) {
        Sales.KeyedRequest request = new Sales.KeyedRequest(player.ticketId(), idempotencyKey, "holdId=" + holdId);
        Sales.Retention keep = keep(round, retention);
        Sales.Buyer buyer = new Sales.Buyer(
                BookingId.next(round.id()),
                player.claims().nickname(),
                player.claims().bot(),
                round.opensAt(),
                player.claims().enteredAt(),
                player.claims().admittedAt(),
                clock.now(),
                player.playerId());
        Sales.Attempt attempt;
        try {
            attempt = sales.sell(round.id(), request, HoldId.looksValid(holdId) ? holdId : null, buyer, keep);
        } catch (RuntimeException e) {
            // the key is left as the script left it: unmarked if it never ran; in progress if it sold
            // and only its reply was lost (a retry then waits until the reconciler queues the sale and
            // answers the key accepted)
            throw unavailable(e);
        }
        BookingOutcome outcome;
        switch (attempt) {
            case Sales.Answered answered -> {
                return replay(round, request, answered, keep); // the key's earlier answer, not a new decision
            }
            case Sales.Refused refused -> outcome = refusal(refused.reason(), refused.seatId(), holdId);
            case Sales.Sold sold -> {
                try {
                    outcome = accept(sold.sale());
                } catch (RuntimeException e) {
                    throw unavailable(e);
                }
            }
        }
        meters.counter("ticketing.bookings", "result", resultTag(outcome)).increment();
        return outcome;
    }

    /**
     * The answer a key already got, without selling anything: what a retry gets once the round has closed (SPEC §5, a
     * replay of a known {@code Idempotency-Key} is answered after the close too). An in-doubt booking is sent again, as
     * during the round. Empty when the key is unknown, so the caller refuses it as it would refuse a new booking.
     */
    public Optional<BookingOutcome> replay(Round round, Player player, String idempotencyKey, String holdId) {
        Sales.KeyedRequest request = new Sales.KeyedRequest(player.ticketId(), idempotencyKey, "holdId=" + holdId);
        try {
            return sales.answer(round.id(), request)
                    .map(answered -> replay(round, request, answered, keep(round, retention)));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * How long a round's sale keeps its marks: the key's answer (and its in-progress mark, which only the sale's
     * completion ends), the sale itself, and at most its pending copy.
     */
    static Sales.Retention keep(Round round, RoundRetention retention) {
        Duration kept = retention.ttl(round);
        return new Sales.Retention(kept, kept.plus(SALES_OUTLIVE_KEYS), kept.plus(PENDING_AT_MOST));
    }

    private BookingOutcome accept(Sale sale) {
        BookingId bookingId = sale.booking().id();
        try {
            outbox.send(sale.booking());
        } catch (RuntimeException e) {
            try {
                if (ConfirmationOutbox.InDoubtException.in(e)) {
                    // SQS may have it: nothing is undone, and a retry with the same key sends this booking again
                    sale.leaveInDoubt();
                } else {
                    // surely not queued: the seat goes back to the hold, and a retry with the same key tries again
                    sale.abandon();
                }
            } catch (RuntimeException after) {
                e.addSuppressed(after);
            }
            throw e;
        }
        try {
            sale.commit();
        } catch (RuntimeException e) {
            // the sale stands (SOLD and queued) and the player must get it, not a 503 for a booking that was accepted;
            // the lock runs out by its lease, and a retry with this key finds the ticket booked
            log.warn(
                    "booking {} accepted but its hold {} was not closed nor its Idempotency-Key answered: {}",
                    bookingId,
                    sale.hold().holdId(),
                    e.toString());
        }
        return new BookingOutcome.Accepted(bookingId, sale.hold().seatId());
    }

    private RuntimeException unavailable(RuntimeException e) {
        meters.counter("ticketing.bookings", "result", "unavailable").increment();
        return e;
    }

    private static BookingOutcome refusal(Sales.Outcome reason, String seatId, String holdId) {
        return switch (reason) {
            case ALREADY_BOOKED -> new BookingOutcome.AlreadyBooked();
            case SEAT_TAKEN -> new BookingOutcome.SeatTaken(seatId);
            case HOLD_EXPIRED -> new BookingOutcome.UnknownHold("hold " + holdId + " expired");
            case UNKNOWN_HOLD ->
                new BookingOutcome.UnknownHold(
                        HoldId.looksValid(holdId) ? "no hold " + holdId + " of this ticket" : "no hold " + holdId);
            case ACCEPTED, IN_DOUBT -> throw new IllegalStateException("not a refusal: " + reason);
        };
    }

    private BookingOutcome replay(
            Round round, Sales.KeyedRequest request, Sales.Answered answered, Sales.Retention keep) {
        if (!request.fingerprint().equals(answered.fingerprint())) {
            return new BookingOutcome.KeyReused();
        }
        if (!answered.done() || answered.outcome() == null) {
            return new BookingOutcome.InProgress();
        }
        return switch (answered.outcome()) {
            case ACCEPTED ->
                new BookingOutcome.Accepted(
                        answered.bookingId()
                                .orElseThrow(() -> new IllegalStateException("an accepted answer names no booking")),
                        answered.seatId());
            case IN_DOUBT -> sendAgain(round, request, answered, keep);
            case ALREADY_BOOKED -> new BookingOutcome.AlreadyBooked();
            case SEAT_TAKEN -> new BookingOutcome.SeatTaken(answered.seatId());
            case UNKNOWN_HOLD, HOLD_EXPIRED ->
                new BookingOutcome.UnknownHold("no such hold of this ticket, or it expired");
        };
    }

    /**
     * The key's booking was sent but its acknowledgement never came: send the same booking (same id) again. If SQS had
     * it after all, the listener writes it once anyway; a 202 is only given once SQS acknowledged one of the two.
     */
    private BookingOutcome sendAgain(
            Round round, Sales.KeyedRequest request, Sales.Answered answered, Sales.Retention keep) {
        if (answered.bookingId().isEmpty()) {
            return new BookingOutcome.AlreadyBooked(); // an answer that names no booking: nothing to send
        }
        BookingId id = answered.bookingId().get();
        Optional<KeptBookings.KeptBooking> kept = keptBookings.find(id);
        if (kept.isEmpty()) {
            // the copy goes a while after MySQL has the row: then the booking was queued after all
            boolean written = bookings.find(id).isPresent();
            if (!written) {
                return new BookingOutcome.AlreadyBooked(); // neither: only long after the round
            }
        } else if (kept.get().pending()) {
            outbox.send(kept.get().booking());
        }
        try {
            sales.resolve(round.id(), request, id, answered.seatId(), keep);
        } catch (RuntimeException e) {
            log.warn(
                    "booking {} queued on a retry, but its Idempotency-Key answer was not updated: {}",
                    id,
                    e.toString());
        }
        meters.counter("ticketing.bookings", "result", "accepted").increment();
        return new BookingOutcome.Accepted(id, answered.seatId());
    }

    private static String resultTag(BookingOutcome outcome) {
        return switch (outcome) {
            case BookingOutcome.Accepted accepted -> "accepted";
            case BookingOutcome.AlreadyBooked booked -> "already-booked";
            case BookingOutcome.UnknownHold unknown -> "unknown-hold";
            case BookingOutcome.SeatTaken taken -> "seat-taken";
            case BookingOutcome.KeyReused reused -> "key-reused";
            case BookingOutcome.InProgress inProgress -> "in-progress";
        };
    }
}
