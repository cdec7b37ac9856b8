package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.confirmation.BookingConfirmationMessage;
import dev.ticketingwarrior.booking.hold.HoldRecord;
import dev.ticketingwarrior.booking.hold.Holds;
import dev.ticketingwarrior.booking.id.Ids;
import dev.ticketingwarrior.booking.player.Player;
import dev.ticketingwarrior.booking.resilience.DependencyUnavailableException;
import dev.ticketingwarrior.booking.store.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Books a held seat: the seat is marked SOLD in Redis, then the confirmation is queued in SQS, and only then is the
 * booking accepted (202). If SQS refuses, the sale is undone and the hold stays, so the player can retry with the same
 * {@code Idempotency-Key}.
 */
@Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    private static final Duration IN_PROGRESS_TTL = Duration.ofSeconds(30);

    private final Holds holds;
    private final Sales sales;
    private final ConfirmationOutbox outbox;
    private final IdempotencyStore idempotency;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final MeterRegistry meters;

    BookingService(
            Holds holds,
            Sales sales,
            ConfirmationOutbox outbox,
            IdempotencyStore idempotency,
            RoundClock clock,
            RoundRetention retention,
            MeterRegistry meters) {
        this.holds = holds;
        this.sales = sales;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.retention = retention;
        this.meters = meters;
    }

    /** Books the player's hold {@code holdId} once per {@code idempotencyKey}. */
    public BookingOutcome book(Round round, Player player, String idempotencyKey, String holdId) {
        String fingerprint = "holdId=" + holdId;
        IdempotencyStore.Entry marker = new IdempotencyStore.Entry(fingerprint, false, null, null, null);
        Optional<IdempotencyStore.Entry> earlier =
                idempotency.claim(round.id(), player.ticketId(), idempotencyKey, marker, IN_PROGRESS_TTL);
        if (earlier.isPresent()) {
            IdempotencyStore.Entry entry = earlier.get();
            if (!entry.fingerprint().equals(fingerprint)) {
                return new BookingOutcome.KeyReused();
            }
            return entry.done() ? replay(entry) : new BookingOutcome.InProgress();
        }
        BookingOutcome outcome;
        try {
            outcome = bookOnce(round, player, holdId);
        } catch (RuntimeException e) {
            // nothing final happened: a retry with the same key must be able to try again
            idempotency.forget(round.id(), player.ticketId(), idempotencyKey);
            meters.counter("ticketing.bookings", "result", "unavailable").increment();
            throw e;
        }
        try {
            idempotency.complete(
                    round.id(), player.ticketId(), idempotencyKey, store(fingerprint, outcome), retention.ttl(round));
        } catch (RuntimeException e) {
            // the outcome is final (seat sold, message in SQS): the player must get it, not a 503 for a booking that
            // was accepted; a retry with this key then finds the ticket booked instead of the replayed answer
            log.warn(
                    "booking {} for ticket {} decided, but its Idempotency-Key answer was not stored: {}",
                    resultTag(outcome),
                    player.ticketId(),
                    e.toString());
        }
        meters.counter("ticketing.bookings", "result", resultTag(outcome)).increment();
        return outcome;
    }

    private BookingOutcome bookOnce(Round round, Player player, String holdId) {
        // the hold first: on the usual path it is there and the sale script below checks "not booked yet" in the same
        // atomic step; only a missing hold asks separately whether the ticket booked already (which closed its hold)
        Optional<HoldRecord> found = Ids.looksValid(holdId) ? holds.find(round.id(), holdId) : Optional.empty();
        if (found.isEmpty() || !found.get().ticketId().equals(player.ticketId())) {
            if (sales.bookingOf(round.id(), player.ticketId()).isPresent()) {
                return new BookingOutcome.AlreadyBooked();
            }
            return new BookingOutcome.UnknownHold(
                    Ids.looksValid(holdId) ? "no hold " + holdId + " of this ticket" : "no hold " + holdId);
        }
        HoldRecord hold = found.get();
        Instant now = clock.now();
        BookingConfirmationMessage message = new BookingConfirmationMessage(
                BookingId.next(round.id()).value(),
                round.id().value(),
                hold.seatId(),
                player.ticketId(),
                player.claims().nickname(),
                player.claims().bot(),
                hold.fencingToken(),
                round.opensAt(),
                player.claims().enteredAt(),
                player.claims().admittedAt(),
                hold.heldAt(),
                now);
        Duration keep = retention.ttl(round).plusHours(1);
        switch (sales.sell(round.id(), hold, message, keep)) {
            case SOLD -> {}
            case HOLD_EXPIRED -> {
                return new BookingOutcome.UnknownHold("hold " + holdId + " expired");
            }
            case ALREADY_BOOKED -> {
                return new BookingOutcome.AlreadyBooked();
            }
            case SEAT_TAKEN -> {
                return new BookingOutcome.SeatTaken(hold.seatId());
            }
        }
        try {
            outbox.send(message);
        } catch (DependencyUnavailableException e) {
            sales.unsell(round.id(), hold, message.bookingId());
            throw e;
        }
        try {
            holds.close(round.id(), hold, true, retention.ttl(round));
        } catch (DependencyUnavailableException e) {
            // the sale stands (SOLD and queued); the lock runs out by its lease
            log.warn(
                    "booking {} accepted but its hold {} was not closed: {}",
                    message.bookingId(),
                    holdId,
                    e.toString());
        }
        return new BookingOutcome.Accepted(message.bookingId(), hold.seatId());
    }

    private static BookingOutcome replay(IdempotencyStore.Entry entry) {
        return switch (entry.outcome()) {
            case "Accepted" -> new BookingOutcome.Accepted(entry.bookingId(), entry.seatId());
            case "AlreadyBooked" -> new BookingOutcome.AlreadyBooked();
            case "SeatTaken" -> new BookingOutcome.SeatTaken(entry.seatId());
            default -> new BookingOutcome.UnknownHold("no such hold of this ticket, or it expired");
        };
    }

    private static IdempotencyStore.Entry store(String fingerprint, BookingOutcome outcome) {
        return switch (outcome) {
            case BookingOutcome.Accepted accepted ->
                new IdempotencyStore.Entry(fingerprint, true, "Accepted", accepted.bookingId(), accepted.seatId());
            case BookingOutcome.AlreadyBooked booked ->
                new IdempotencyStore.Entry(fingerprint, true, "AlreadyBooked", null, null);
            case BookingOutcome.SeatTaken taken ->
                new IdempotencyStore.Entry(fingerprint, true, "SeatTaken", null, taken.seatId());
            case BookingOutcome.UnknownHold unknown ->
                new IdempotencyStore.Entry(fingerprint, true, "UnknownHold", null, null);
            case BookingOutcome.KeyReused reused -> throw new IllegalStateException("not stored");
            case BookingOutcome.InProgress inProgress -> throw new IllegalStateException("not stored");
        };
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
