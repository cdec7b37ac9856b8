package dev.ticketingwarrior.booking.debrief.domain;

import java.util.List;

/**
 * A player's attempts, archived and not yet archived (SPEC §12): how many rounds, how many won (CONFIRMED), the personal best (fastest won
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

        /** These bests with one more attempt's {@code steps} and, when it was won, its {@code wonTotalMs}. */
        public Bests with(Steps steps, Long wonTotalMs) {
            return new Bests(
                    min(totalMs, wonTotalMs),
                    min(entryMs, steps.entryMs()),
                    min(waitMs, steps.waitMs()),
                    min(letterMs, steps.letterMs()),
                    min(pickMs, steps.pickMs()),
                    min(confirmMs, steps.confirmMs()));
        }

        private static Long min(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
        }
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
