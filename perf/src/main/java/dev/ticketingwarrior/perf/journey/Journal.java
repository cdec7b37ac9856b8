package dev.ticketingwarrior.perf.journey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the journeys saw, per round: players, outcomes, each step's latency, and every booking accepted with a 202 —
 * the auditor's list of what must end CONFIRMED or REJECTED. One per JVM ({@link #shared()}): the soak runner reads it
 * while Gatling's virtual users write it.
 */
public final class Journal {

    private static final Journal SHARED = new Journal();

    private final Map<String, RoundLog> rounds = new ConcurrentHashMap<>();

    public static Journal shared() {
        return SHARED;
    }

    public RoundLog round(String roundId) {
        return rounds.computeIfAbsent(roundId == null ? "unknown" : roundId, RoundLog::new);
    }

    public List<RoundLog> rounds() {
        List<RoundLog> all = new ArrayList<>(rounds.values());
        all.sort((a, b) -> a.roundId().compareTo(b.roundId()));
        return all;
    }

    /** An outcome a journey ended in (a player who lost the race is not an error). */
    public enum Outcome {
        BOOKED,
        NO_SEAT,
        NOT_ADMITTED,
        ROUND_CLOSED,
        /**
         * Refused its letter answer or hold with 403 {@code place-released}: silent for admission's active timeout, its
         * place went to the next in line and the round had no room under maxActive to give it back (SPEC §4).
         */
        PLACE_RELEASED,
        /** Booked (202), but still PENDING when the player stopped looking (a confirmation held up, e.g. by MySQL). */
        STILL_PENDING,
        ERROR
    }

    /** One latency of one step, and whether the step answered as expected. */
    public record Sample(String step, long millis, boolean ok) {}

    /** A 202: what must end CONFIRMED or REJECTED exactly once. {@code status} is what the player last saw. */
    public record Accepted(String roundId, String bookingId, String seatId, String ticketId, String status) {}

    /** Everything recorded for one round. */
    public static final class RoundLog {
        private final String roundId;
        private final AtomicInteger players = new AtomicInteger();
        private final AtomicInteger entered = new AtomicInteger();
        private final AtomicInteger admitted = new AtomicInteger();
        private final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> admittedAtMs = new ConcurrentLinkedQueue<>();

        RoundLog(String roundId) {
            this.roundId = roundId;
        }

        public String roundId() {
            return roundId;
        }

        public void player() {
            players.incrementAndGet();
        }

        public void entered() {
            entered.incrementAndGet();
        }

        /** A player got its token; {@code admittedAtMs} is the token's {@code adm} claim, when it has one. */
        public void admitted(Long admittedAtMs) {
            admitted.incrementAndGet();
            if (admittedAtMs != null) {
                this.admittedAtMs.add(admittedAtMs);
            }
        }

        public void outcome(Outcome outcome) {
            outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        }

        public void sample(String step, long millis, boolean ok) {
            samples.add(new Sample(step, millis, ok));
        }

        public void accepted(String bookingId, String seatId, String ticketId) {
            accepted.put(bookingId, new Accepted(roundId, bookingId, seatId, ticketId, "PENDING"));
        }

        public void settled(String bookingId, String status) {
            accepted.computeIfPresent(
                    bookingId, (id, a) -> new Accepted(a.roundId(), id, a.seatId(), a.ticketId(), status));
        }

        public int players() {
            return players.get();
        }

        public int enteredCount() {
            return entered.get();
        }

        public int admittedCount() {
            return admitted.get();
        }

        public int outcomes(Outcome outcome) {
            AtomicInteger count = outcomes.get(outcome);
            return count == null ? 0 : count.get();
        }

        public List<Sample> samples() {
            return Collections.unmodifiableList(new ArrayList<>(samples));
        }

        public List<Accepted> accepted() {
            return List.copyOf(accepted.values());
        }

        /** When each player's token says it was admitted: what the players hold, apart from admission's records. */
        public List<Long> admittedAtMs() {
            return List.copyOf(admittedAtMs);
        }
    }
}
