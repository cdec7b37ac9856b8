package dev.ticketingwarrior.booking.debrief.domain;

import java.util.List;

/**
 * A player's archived attempts (SPEC §12): how many rounds, how many won (CONFIRMED), the personal best (fastest won
 * attempt), the best of each step and total independently, and the latest attempts, newest first.
 */
public record History(
        String nickname,
        long rounds,
        long won,
        double wonPercent,
        Debrief.PersonalBest personalBest,
        Bests bests,
        List<Entry> attempts) {

    /**
     * Independent minima: {@code totalMs} over won attempts, each step over all attempts that reached it; each
     * {@code null} when never reached.
     */
    public record Bests(Long totalMs, Long entryMs, Long waitMs, Long letterMs, Long pickMs, Long confirmMs) {

        public static final Bests NONE = new Bests(null, null, null, null, null, null);
    }

    /** One attempt of the list. {@code seatId} is the booked seat, {@code null} without a booking. */
    public record Entry(
            String roundId,
            String ticketId,
            Outcome.Status outcome,
            Long totalMs,
            String seatId,
            long queueNumber,
            Long entered,
            Steps steps) {}

    /** What the store aggregates over all of a player's attempts. */
    public record Totals(long rounds, long won, Bests bests) {

        public static final Totals NONE = new Totals(0, 0, Bests.NONE);
    }
}
