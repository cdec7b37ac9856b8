package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.captcha.domain.Captchas;
import dev.ticketingwarrior.booking.captcha.domain.LetterAnswer;
import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeat;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeats;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/** In-memory stand-ins for the sale's ports, following the rules of their Lua scripts; and a player and its round. */
final class Fakes {

    static final Duration PERIOD = Duration.ofMinutes(1);
    static final Duration OPEN_FOR = Duration.ofSeconds(45);
    static final Instant OPENS = Instant.parse("2026-11-24T10:15:00Z");

    private Fakes() {}

    /** The round clock stopped at {@code now}. */
    static RoundClock clockAt(Instant now) {
        return new RoundClock(Clock.fixed(now, ZoneOffset.UTC), PERIOD, OPEN_FOR);
    }

    static Round round() {
        return clockAt(OPENS).roundAt(OPENS);
    }

    /** An accepted booking of {@code seat} by {@code ticket} in {@code round}, its steps a tenth of a second apart. */
    static AcceptedBooking booking(RoundId round, String seat, String ticket) {
        return new AcceptedBooking(
                BookingId.next(round),
                seat,
                ticket,
                "nick-" + ticket,
                false,
                1,
                round.start(),
                round.start().plusMillis(100),
                round.start().plusMillis(200),
                round.start().plusMillis(300),
                round.start().plusMillis(400),
                Optional.empty());
    }

    /** A player of {@link #round()} who entered 200 ms and was admitted 500 ms after the open. */
    static Player player(String ticketId, boolean bot, boolean verifiedBot) {
        RoundId round = round().id();
        return new Player(
                new AdmissionClaims(
                        ticketId,
                        round,
                        "nick-" + ticketId,
                        bot,
                        1,
                        OPENS.plusMillis(200),
                        OPENS.plusMillis(500),
                        OPENS,
                        OPENS.plus(PERIOD),
                        UUID.randomUUID().toString()),
                verifiedBot);
    }

    /** Seat locks: one holder per seat; the test lets one run out with {@link #expire}. */
    static final class SeatLocksInMemory implements SeatLocks {

        final Map<String, SeatLock> locked = new HashMap<>();
        private long nextToken = 1;

        @Override
        public Optional<SeatLock> tryLock(RoundId round, String seatId, Duration lease) {
            if (locked.containsKey(seatId)) {
                return Optional.empty();
            }
            SeatLock lock = new SeatLock(seatId, "owner-" + nextToken, nextToken++);
            locked.put(seatId, lock);
            return Optional.of(lock);
        }

        void expire(String seatId) {
            locked.remove(seatId);
        }
    }

    /** Holds as register-hold.lua and release-hold.lua keep them: one per ticket, a new one releases the previous. */
    static class HoldsInMemory implements Holds {

        final SeatLocksInMemory locks;
        final Map<String, HoldRecord> holds = new HashMap<>();
        final Map<String, String> ticketHolds = new HashMap<>();
        final Set<String> sold = new HashSet<>();
        final Set<String> bookedTickets = new HashSet<>();
        final Set<String> finished = new HashSet<>();
        /** Thrown by {@link #register} after it recorded the hold, as when Valkey's answer is lost; null: none. */
        RuntimeException registerFailure;
        /** The sales of the same Redis (their sold seats and restore marks), or null: every round's sold seats known. */
        final SalesInMemory sales;

        HoldsInMemory(SeatLocksInMemory locks) {
            this(locks, null);
        }

        HoldsInMemory(SeatLocksInMemory locks, SalesInMemory sales) {
            this.locks = locks;
            this.sales = sales;
        }

        @Override
        public Registration register(
                RoundId round,
                HoldRecord hold,
                Holder holder,
                Duration lease,
                Duration retention,
                boolean requireSoldKnown) {
            SeatLock lock = locks.locked.get(hold.seatId());
            if (lock == null || !lock.owner().equals(hold.owner())) {
                return new LockLost();
            }
            if (sold.contains(hold.seatId()) || (sales != null && sales.sold.containsKey(hold.seatId()))) {
                locks.expire(hold.seatId());
                return new SeatSold();
            }
            if (bookedTickets.contains(hold.ticketId())) {
                locks.expire(hold.seatId());
                return new TicketBooked();
            }
            if (requireSoldKnown && sales != null && !sales.restoredMarks.contains(round)) {
                return new SoldSeatsUnknown();
            }
            String previous = ticketHolds.put(hold.ticketId(), hold.holdId());
            if (previous != null) {
                HoldRecord old = holds.remove(previous);
                locks.locked.remove(old.seatId(), locks.locked.get(old.seatId()));
            }
            holds.put(hold.holdId(), hold);
            // a ticket that holds again is playing again
            finished.remove(hold.ticketId());
            if (registerFailure != null) {
                throw registerFailure;
            }
            return new Registered(Optional.ofNullable(previous));
        }

        @Override
        public Optional<HoldRecord> find(RoundId round, String holdId) {
            return Optional.ofNullable(holds.get(holdId));
        }

        @Override
        public Optional<HoldRecord> currentOf(RoundId round, String ticketId) {
            return Optional.ofNullable(ticketHolds.get(ticketId)).map(holds::get);
        }

        @Override
        public boolean close(RoundId round, HoldRecord hold, boolean finished, Duration retention) {
            HoldRecord existed = holds.remove(hold.holdId());
            SeatLock lock = locks.locked.get(hold.seatId());
            if (lock != null && lock.owner().equals(hold.owner())) {
                locks.expire(hold.seatId());
            }
            ticketHolds.remove(hold.ticketId(), hold.holdId());
            if (finished) {
                this.finished.add(hold.ticketId());
            }
            return existed != null;
        }

        @Override
        public int clearAbandoned(RoundId round, Instant now) {
            return 0;
        }
    }

    /** Letters solved, per ticket. */
    static final class CaptchasInMemory implements Captchas {

        final Set<String> solved = new HashSet<>();
        final Map<String, Issued> letters = new HashMap<>();

        @Override
        public void store(RoundId round, String captchaId, Issued letter, Duration ttl) {
            letters.put(captchaId, letter);
        }

        @Override
        public LetterAnswer answer(
                RoundId round, String captchaId, String ticketId, String answer, Instant at, Duration retention) {
            return solved.contains(ticketId) ? LetterAnswer.REPEATED : LetterAnswer.UNKNOWN;
        }

        @Override
        public boolean isSolved(RoundId round, String ticketId) {
            return solved.contains(ticketId);
        }

        @Override
        public Optional<Issued> find(RoundId round, String captchaId) {
            return Optional.ofNullable(letters.get(captchaId));
        }
    }

    /**
     * The sale and its Idempotency-Key answers as sell.lua, complete.lua, resolve.lua and undo.lua keep them. The test
     * puts the holds that exist, and may let {@link #sell} or a sale's commit fail.
     */
    static final class SalesInMemory implements Sales, KeptBookings, SoldSeatCopies {

        final Map<String, HoldRecord> holds = new HashMap<>();
        final Set<String> expiredLocks = new HashSet<>();
        final Map<String, String> sold = new HashMap<>();
        final Map<String, String> ticketBookings = new HashMap<>();
        final Map<String, Answered> answers = new HashMap<>();
        final Map<String, AcceptedBooking> pending = new HashMap<>();
        /** Outcomes of kept bookings whose rows are written (what the listener tells Redis). */
        final Map<String, StoredBooking.Status> outcomes = new HashMap<>();
        /** Sales not settled yet, by booking id, with when they were sold or last claimed. */
        final Map<String, SaleInMemory> open = new LinkedHashMap<>();

        final Map<String, Instant> openSince = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        /** The retention each settled sale was settled with, in order. */
        final List<Retention> keptFor = new ArrayList<>();
        /** Rounds marked by a restore of all their sold seats (what Redis loses with the rest when it comes back empty). */
        final Set<RoundId> restoredMarks = new HashSet<>();
        /** Thrown by restore, as when Valkey does not answer; null: none. */
        RuntimeException restoreFailure;

        /** Each restore: "all N" or "since N" (N rows given). */
        final List<String> restores = new ArrayList<>();

        /** Thrown before the sale (the script never ran). */
        RuntimeException sellFailure;
        /** Thrown after the sale (the script ran, its reply was lost: a Redis timeout). */
        RuntimeException sellReplyLost;

        RuntimeException commitFailure;

        @Override
        public Attempt sell(RoundId round, KeyedRequest request, String holdId, Buyer buyer, Retention retention) {
            String bookingId = buyer.bookingId().value();
            calls.add("sell " + holdId);
            if (sellFailure != null) {
                throw sellFailure;
            }
            String key = key(request);
            Answered prior = answers.get(key);
            if (prior != null) {
                return prior;
            }
            if (ticketBookings.containsKey(request.ticketId())) {
                return refuse(request, Outcome.ALREADY_BOOKED, null);
            }
            HoldRecord hold = holdId == null ? null : holds.get(holdId);
            if (hold == null || !hold.ticketId().equals(request.ticketId())) {
                return refuse(request, Outcome.UNKNOWN_HOLD, null);
            }
            if (expiredLocks.contains(holdId)) {
                return refuse(request, Outcome.HOLD_EXPIRED, null);
            }
            if (sold.putIfAbsent(hold.seatId(), bookingId) != null) {
                return refuse(request, Outcome.SEAT_TAKEN, hold.seatId());
            }
            ticketBookings.put(request.ticketId(), bookingId);
            answers.put(key, new Answered(request.fingerprint(), false, null, Optional.empty(), null));
            SaleInMemory sale = new SaleInMemory(request, hold, buyer.booking(hold), retention);
            open.put(bookingId, sale);
            openSince.put(bookingId, buyer.bookedAt());
            if (sellReplyLost != null) {
                throw sellReplyLost;
            }
            return new Sold(sale);
        }

        private Refused refuse(KeyedRequest request, Outcome reason, String seat) {
            answers.put(key(request), new Answered(request.fingerprint(), true, reason, Optional.empty(), seat));
            return new Refused(reason, seat);
        }

        /** A sale as sell.lua leaves it open, settled as complete.lua and undo.lua settle it. */
        final class SaleInMemory extends Sale {

            private final KeyedRequest request;
            private final Retention retention;

            SaleInMemory(KeyedRequest request, HoldRecord hold, AcceptedBooking booking, Retention retention) {
                super(hold, booking);
                this.request = request;
                this.retention = retention;
            }

            @Override
            protected void settle(Settlement how) {
                String bookingId = booking().id().value();
                calls.add(how.name().toLowerCase(Locale.ROOT) + " " + bookingId);
                keptFor.add(retention);
                switch (how) {
                    case COMMITTED -> {
                        if (commitFailure != null) {
                            throw commitFailure;
                        }
                        open.remove(bookingId);
                        close(Outcome.ACCEPTED);
                    }
                    case IN_DOUBT -> close(Outcome.IN_DOUBT);
                    case ABANDONED -> {
                        open.remove(bookingId);
                        sold.remove(hold().seatId(), bookingId);
                        ticketBookings.remove(hold().ticketId(), bookingId);
                        answers.remove(key(request));
                    }
                }
            }

            private void close(Outcome outcome) {
                pending.put(booking().id().value(), booking());
                holds.remove(hold().holdId());
                answers.put(
                        key(request),
                        new Answered(
                                request.fingerprint(),
                                true,
                                outcome,
                                Optional.of(booking().id()),
                                hold().seatId()));
            }
        }

        @Override
        public void resolve(
                RoundId round, KeyedRequest request, BookingId bookingId, String seatId, Retention retention) {
            calls.add("resolve " + bookingId);
            open.remove(bookingId.value());
            answers.put(
                    key(request),
                    new Answered(request.fingerprint(), true, Outcome.ACCEPTED, Optional.of(bookingId), seatId));
        }

        @Override
        public List<Sale> claimOpen(RoundId round, Instant soldBefore, Instant now, int limit, Retention retention) {
            List<Sale> claimed = new ArrayList<>();
            for (SaleInMemory sale : open.values()) {
                String id = sale.booking().id().value();
                if (sale.booking().round().equals(round)
                        && !openSince.get(id).isAfter(soldBefore)
                        && claimed.size() < limit) {
                    openSince.put(id, now);
                    claimed.add(new SaleInMemory(sale.request, sale.hold(), sale.booking(), retention)); // read afresh
                }
            }
            return claimed;
        }

        @Override
        public OptionalInt restore(RoundId round, List<SoldSeat> rows, boolean all, Retention retention) {
            if (restoreFailure != null) {
                throw restoreFailure;
            }
            restores.add((all ? "all " : "since ") + rows.size());
            if (!all && !restoredMarks.contains(round)) {
                return OptionalInt.empty();
            }
            if (all) {
                restoredMarks.add(round);
            }
            int changed = 0;
            for (SoldSeat row : rows) {
                if (!row.bookingId().equals(sold.put(row.seatId(), row.bookingId()))) {
                    changed++;
                }
                ticketBookings.put(row.ticketId(), row.bookingId());
            }
            return OptionalInt.of(changed);
        }

        @Override
        public Optional<Answered> answer(RoundId round, KeyedRequest request) {
            return Optional.ofNullable(answers.get(key(request)));
        }

        @Override
        public Optional<KeptBooking> find(BookingId id) {
            return Optional.ofNullable(pending.get(id.value()))
                    .map(booking -> new KeptBooking(booking, outcomes.get(id.value())));
        }

        private static String key(KeyedRequest request) {
            return request.ticketId() + "|" + request.key();
        }
    }

    /** The confirmation queue: keeps what it was sent, or fails as the test says. */
    static final class OutboxInMemory implements ConfirmationOutbox {

        final List<AcceptedBooking> sent = new ArrayList<>();
        RuntimeException failure;

        @Override
        public void send(AcceptedBooking booking) {
            if (failure != null) {
                throw failure;
            }
            sent.add(booking);
        }
    }

    /** MySQL's bookings: confirms every new booking (the SQL's seat and ticket rules are the ITs' to check). */
    static final class BookingsInMemory implements Bookings {

        final Map<BookingId, StoredBooking> rows = new HashMap<>();
        /** The database's clock: what a row is stamped with when confirmed, and what a read is as of. */
        Instant now = OPENS;

        final Map<BookingId, Instant> confirmedAt = new HashMap<>();
        RuntimeException failure;
        /** Runs as a read of sold seats begins (a test holds the read there). */
        Runnable beforeRead = () -> {};

        @Override
        public Confirmed confirm(List<AcceptedBooking> bookings, String write) {
            if (failure != null) {
                throw failure;
            }
            Map<BookingId, StoredBooking.Status> states = new HashMap<>();
            Set<BookingId> decided = new HashSet<>();
            for (AcceptedBooking b : bookings) {
                if (!rows.containsKey(b.id())) {
                    decided.add(b.id());
                }
                rows.putIfAbsent(
                        b.id(),
                        new StoredBooking(
                                b.id(),
                                StoredBooking.Status.CONFIRMED,
                                b.seatId(),
                                b.ticketId(),
                                b.nickname(),
                                b.bot(),
                                b.durationMs(),
                                b.splits(),
                                b.bookedAt()));
                confirmedAt.putIfAbsent(b.id(), now);
                states.put(b.id(), rows.get(b.id()).status());
            }
            return new Confirmed(states, decided);
        }

        @Override
        public SoldSeats soldSeats(RoundId round, Instant since) {
            beforeRead.run();
            if (failure != null) {
                throw failure;
            }
            return new SoldSeats(
                    now,
                    rows.entrySet().stream()
                            .filter(row -> row.getValue().round().equals(round)
                                    && row.getValue().status() == StoredBooking.Status.CONFIRMED
                                    && !confirmedAt.get(row.getKey()).isBefore(since))
                            .map(Map.Entry::getValue)
                            .map(row -> new SoldSeat(
                                    row.seatId(), row.ticketId(), row.id().value()))
                            .toList());
        }

        @Override
        public Optional<StoredBooking> find(BookingId id) {
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(rows.get(id));
        }
    }
}
