package dev.ticketingwarrior.perf.audit;

import dev.ticketingwarrior.perf.audit.SeatSales.PendingCopy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory stand-ins for the auditor's ports. */
final class Fakes {

    private Fakes() {}

    /** MySQL: rows per round; a row can be set to show up only after some reads (a confirmation still in SQS). */
    static final class Ledger implements BookingLedger {

        final Map<String, List<Row>> confirmed = new HashMap<>();
        final Map<String, List<Row>> rejected = new HashMap<>();
        final Map<String, Integer> visibleAfterReads = new HashMap<>();
        RuntimeException failure;
        int reads;

        Ledger confirm(String roundId, Row row) {
            confirmed.computeIfAbsent(roundId, r -> new ArrayList<>()).add(row);
            return this;
        }

        Ledger reject(String roundId, Row row) {
            rejected.computeIfAbsent(roundId, r -> new ArrayList<>()).add(row);
            return this;
        }

        @Override
        public Rows rows(String roundId) {
            reads++;
            if (failure != null) {
                throw failure;
            }
            return new Rows(visible(confirmed.get(roundId)), visible(rejected.get(roundId)));
        }

        private List<Row> visible(List<Row> rows) {
            if (rows == null) {
                return List.of();
            }
            return rows.stream()
                    .filter(row -> reads > visibleAfterReads.getOrDefault(row.bookingId(), 0))
                    .toList();
        }
    }

    /**
     * Redis: sold seats, pending copies, admission's serve hash and admissions, keys without TTL. A pending copy is a
     * player's (not a bot's) unless {@link #sellToBot} made it.
     */
    static final class Redis implements SeatSales, AdmissionLog, KeyExpiry {

        final Map<String, Map<String, String>> sold = new HashMap<>();
        final Map<String, Set<String>> pending = new HashMap<>();
        final Map<String, PendingCopy> copies = new HashMap<>();
        final Map<String, Serving> serving = new HashMap<>();
        final Map<String, List<Long>> admitted = new HashMap<>();
        final List<String> persistentKeys = new ArrayList<>();
        RuntimeException failure;
        /** A failure of the SCAN for the pending copies only. */
        RuntimeException scanFailure;

        Redis sell(String roundId, String seatId, String bookingId) {
            sold.computeIfAbsent(roundId, r -> new LinkedHashMap<>()).put(seatId, bookingId);
            pending.computeIfAbsent(roundId, r -> new HashSet<>()).add(bookingId);
            copies.putIfAbsent(bookingId, new PendingCopy(bookingId, seatId, "t-" + bookingId, false));
            return this;
        }

        /** A bot's booking as booking accepts it: the seat SOLD to it and its pending copy. */
        Redis sellToBot(String roundId, String seatId, String bookingId) {
            sell(roundId, seatId, bookingId);
            copies.put(bookingId, new PendingCopy(bookingId, seatId, "t-" + bookingId, true));
            return this;
        }

        @Override
        public Optional<Map<String, String>> sold(String roundId) {
            fail();
            return Optional.ofNullable(sold.get(roundId));
        }

        @Override
        public Set<String> pendingBookings(String roundId) {
            fail();
            if (scanFailure != null) {
                throw scanFailure;
            }
            return pending.getOrDefault(roundId, Set.of());
        }

        @Override
        public Map<String, PendingCopy> pendingCopies(String roundId, Collection<String> bookingIds) {
            fail();
            Map<String, PendingCopy> found = new HashMap<>();
            Set<String> ofRound = pending.getOrDefault(roundId, Set.of());
            bookingIds.stream()
                    .filter(ofRound::contains)
                    .forEach(id -> found.put(id, copies.getOrDefault(id, new PendingCopy(id, null, "t-" + id, false))));
            return found;
        }

        @Override
        public Optional<Serving> serving(String roundId) {
            fail();
            return Optional.ofNullable(serving.get(roundId));
        }

        @Override
        public List<Long> admittedAtMs(String roundId) {
            fail();
            return admitted.getOrDefault(roundId, List.of());
        }

        @Override
        public List<String> roundKeysWithoutTtl() {
            fail();
            return persistentKeys;
        }

        private void fail() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** SQS: the two queues' depths. */
    static final class Queues implements DeadLetters {

        long deadLetters;
        /** Messages received and not yet deleted; with {@code emptyAfterReads}, that many reads see them, then none. */
        long backlog;

        int emptyAfterReads = -1;
        int backlogReads;
        RuntimeException failure;

        @Override
        public Depth deadLetters() {
            if (failure != null) {
                throw failure;
            }
            return new Depth("booking-confirmations-dlq", deadLetters, 0, 0);
        }

        @Override
        public Depth backlog() {
            if (failure != null) {
                throw failure;
            }
            backlogReads++;
            boolean acknowledged = emptyAfterReads >= 0 && backlogReads > emptyAfterReads;
            return new Depth("booking-confirmations", 0, acknowledged ? 0 : backlog, 0);
        }
    }
}
