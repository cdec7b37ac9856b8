package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.captcha.domain.Captchas;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds a seat for a player: security letter solved (or a keyed bot), seat exists, lock claimed for the hold TTL
 * capped at the round's close; a new hold releases the player's previous one. In a round whose sold seats Redis may
 * have lost (it came back empty), they are restored from MySQL before the hold is recorded: a seat sold before the
 * loss is not held, and so not accepted and then rejected (a restore that fails or is slow lets the hold go on).
 */
public class HoldService {

    private final Venue venue;
    private final SeatLocks locks;
    private final Holds holds;
    private final SoldSeatRestorer soldSeats;
    private final Captchas captchas;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration holdTtl;
    private final MeterRegistry meters;

    /** {@code holdTtl}: how long a hold lasts at most (it is also capped at the round's close). */
    public HoldService(
            Venue venue,
            SeatLocks locks,
            Holds holds,
            SoldSeatRestorer soldSeats,
            Captchas captchas,
            RoundClock clock,
            RoundRetention retention,
            Duration holdTtl,
            MeterRegistry meters) {
        this.venue = venue;
        this.locks = locks;
        this.holds = holds;
        this.soldSeats = soldSeats;
        this.captchas = captchas;
        this.clock = clock;
        this.retention = retention;
        this.holdTtl = holdTtl;
        this.meters = meters;
    }

    /** Holds {@code seatId} in the player's (open) {@code round}. */
    public HoldResult hold(Round round, Player player, String seatId) {
        HoldResult result = tryHold(round, player, seatId);
        meters.counter("ticketing.holds", "result", resultTag(result)).increment();
        return result;
    }

    private HoldResult tryHold(Round round, Player player, String seatId) {
        if (venue.seat(seatId).isEmpty()) {
            return new HoldResult.UnknownSeat(seatId);
        }
        if (!player.verifiedBot() && !captchas.isSolved(round.id(), player.ticketId())) {
            return new HoldResult.CaptchaRequired();
        }
        Instant now = clock.now();
        Duration untilClose = Duration.between(now, round.closesAt());
        Duration lease = holdTtl.compareTo(untilClose) < 0 ? holdTtl : untilClose;
        if (lease.toMillis() < 1) {
            return new HoldResult.Taken(seatId);
        }
        Optional<SeatLock> lock = locks.tryLock(round.id(), seatId, lease);
        if (lock.isEmpty()) {
            // the seat is locked: asking again for the seat you hold is not a conflict (looked up only here, so a
            // hold on a free seat costs no extra round trip; a new hold releases the previous one in register)
            Optional<HoldRecord> current = holds.currentOf(round.id(), player.ticketId());
            if (current.isPresent()
                    && current.get().seatId().equals(seatId)
                    && current.get().expiresAt().isAfter(now)) {
                return new HoldResult.Held(
                        current.get().holdId(),
                        seatId,
                        current.get().heldAt(),
                        current.get().expiresAt());
            }
            return new HoldResult.Taken(seatId);
        }
        HoldRecord hold = new HoldRecord(
                HoldId.next().value(),
                player.ticketId(),
                seatId,
                lock.get().owner(),
                lock.get().fencingToken(),
                now,
                now.plus(lease));
        Holds.Holder holder =
                new Holds.Holder(player.claims().nickname(), player.claims().bot());
        Holds.Registration registration = register(round, hold, holder, lease, true);
        if (registration instanceof Holds.SoldSeatsUnknown) {
            // restored (or not in time: the hold goes on unchecked, and MySQL's one row per seat refuses a second
            // sale as a REJECTED booking), so the next try does not look again
            soldSeats.restoreNow(round);
            registration = register(round, hold, holder, lease, false);
        }
        return switch (registration) {
            case Holds.Registered registered ->
                new HoldResult.Held(hold.holdId(), seatId, hold.heldAt(), hold.expiresAt());
            case Holds.SeatSold sold -> new HoldResult.Taken(seatId);
            case Holds.LockLost lost -> new HoldResult.Taken(seatId);
            case Holds.TicketBooked booked -> new HoldResult.AlreadyBooked();
            case Holds.PlaceReleased released -> new HoldResult.PlaceReleased();
            case Holds.SoldSeatsUnknown unknown ->
                throw givenBack(round, hold, new IllegalStateException("asked not to look, it looked"));
        };
    }

    /**
     * Records the hold of a seat just locked. If that fails (Valkey did not answer, or its answer was lost), the seat is
     * given back: left locked, it would stay unsellable until its lease ran out (the rest of an open round) while the
     * seat map showed it free. Giving back is the same as releasing the hold (whether or not it was recorded), so the
     * player, who is told the hold failed, holds nothing. A give-back that fails too leaves the lock to its lease.
     */
    private Holds.Registration register(
            Round round, HoldRecord hold, Holds.Holder holder, Duration lease, boolean requireSoldKnown) {
        try {
            return holds.register(round.id(), hold, holder, lease, retention.ttl(round), requireSoldKnown);
        } catch (RuntimeException failed) {
            throw givenBack(round, hold, failed);
        }
    }

    /** {@code failed}, after the hold's seat was given back (a give-back that failed too is added to it). */
    private RuntimeException givenBack(Round round, HoldRecord hold, RuntimeException failed) {
        try {
            holds.close(round.id(), hold, false, retention.ttl(round));
        } catch (RuntimeException giveBack) {
            failed.addSuppressed(giveBack);
        }
        return failed;
    }

    /** Releases the player's hold {@code holdId}; false when there is no such hold of this player. */
    public boolean release(Round round, Player player, String holdId) {
        if (!HoldId.looksValid(holdId)) {
            return false;
        }
        Optional<HoldRecord> hold = holds.find(round.id(), holdId);
        if (hold.isEmpty() || !hold.get().ticketId().equals(player.ticketId())) {
            return false;
        }
        // a bot that lets its seat go (취소표) is done with the round: its admission slot goes to the next player; a human
        // who lets go picks another seat, still playing (reported gone, a slot given away and taken back on the next
        // hold would put admission over maxActive)
        boolean gone = player.claims().bot();
        boolean released = holds.close(round.id(), hold.get(), gone, retention.ttl(round));
        if (released) {
            meters.counter("ticketing.holds", "result", "released").increment();
        }
        return released;
    }

    private static String resultTag(HoldResult result) {
        return switch (result) {
            case HoldResult.Held held -> "held";
            case HoldResult.Taken taken -> "taken";
            case HoldResult.UnknownSeat unknown -> "unknown-seat";
            case HoldResult.CaptchaRequired required -> "captcha-required";
            case HoldResult.AlreadyBooked booked -> "already-booked";
            case HoldResult.PlaceReleased released -> "place-released";
        };
    }
}
