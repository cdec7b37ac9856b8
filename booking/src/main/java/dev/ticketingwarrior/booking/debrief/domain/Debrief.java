package dev.ticketingwarrior.booking.debrief.domain;

import java.util.List;

/**
 * What a player sees after its round, win or lose (SPEC §12): its timeline in ms since the round opened, the queue as
 * "N of M", its five steps and total, the step that cost most against the round's humans, and the ghost race (its
 * personal best, the round's best human). A player the round closed on while it waited has {@code notAdmitted}
 * instead of the steps after its entry: the entry was its costliest step.
 */
public record Debrief(
        String roundId,
        String ticketId,
        String nickname,
        Outcome.Status outcome,
        Queue queue,
        List<TimelineStep> timeline,
        Steps steps,
        Long totalMs,
        Costliest costliest,
        Ghost ghost,
        NotAdmitted notAdmitted) {

    /** The player's queue number and how many entered the round ({@code null} when no longer known). */
    public record Queue(long number, Long entered) {}

    /** What {@link TimelineStep#step()} can be, in the order a round goes through them. */
    public enum Kind {
        OPEN,
        ENTERED,
        ADMITTED,
        LETTER,
        SEAT,
        BOOKED,
        CONFIRMED,
        REJECTED,
        CLOSED
    }

    /**
     * One step of the timeline. Only a LETTER has {@code attempts}; only a SEAT has {@code seatId} and {@code result};
     * only a TAKEN seat {@code takenBy} and {@code marginMs} (both {@code null} when the taker is not known); only
     * BOOKED a {@code bookingId} and {@code seatId}. CLOSED is the close of a round that ended the attempt before a
     * booking: {@code stillOn} names the step the player was on ({@code wait}, {@code letter}, {@code pick} or
     * {@code confirm}); a waiting player's has {@code placesAway} (how many queue numbers were still ahead of it) and
     * {@code served} (the last admitted number), a player still on its letter's {@code attempts} (its wrong answers).
     */
    public record TimelineStep(
            Kind step,
            long atMs,
            Integer attempts,
            String seatId,
            SeatResult result,
            TakenBy takenBy,
            Long marginMs,
            String bookingId,
            Long placesAway,
            Long served,
            String stillOn) {

        static TimelineStep at(Kind step, long atMs) {
            return new TimelineStep(step, atMs, null, null, null, null, null, null, null, null, null);
        }

        static TimelineStep letter(long atMs, int attempts) {
            return new TimelineStep(Kind.LETTER, atMs, attempts, null, null, null, null, null, null, null, null);
        }

        static TimelineStep seat(long atMs, String seatId, SeatResult result, TakenBy takenBy, Long marginMs) {
            return new TimelineStep(Kind.SEAT, atMs, null, seatId, result, takenBy, marginMs, null, null, null, null);
        }

        static TimelineStep booked(long atMs, String seatId, String bookingId) {
            return new TimelineStep(Kind.BOOKED, atMs, null, seatId, null, null, null, bookingId, null, null, null);
        }

        /** The close on a player still waiting, {@code placesAway} short of the last admitted number, {@code served}. */
        static TimelineStep closedWaiting(long atMs, long placesAway, long served, String stillOn) {
            return new TimelineStep(Kind.CLOSED, atMs, null, null, null, null, null, null, placesAway, served, stillOn);
        }

        /** The close on an admitted player still on {@code stillOn}; on its letter, with its wrong answers. */
        static TimelineStep closedOn(long atMs, String stillOn, Integer wrongAnswers) {
            return new TimelineStep(Kind.CLOSED, atMs, wrongAnswers, null, null, null, null, null, null, null, stillOn);
        }
    }

    /**
     * Why a waiting player was not admitted: at the close admission had served queue numbers up to {@code served},
     * {@code placesAway} short of the player's; the player entered {@code enteredMs} after the open, and the
     * {@code admittedHumans} admitted humans had all entered within {@code admittedWithinMs} ({@code null} when not
     * known).
     */
    public record NotAdmitted(
            long served, long placesAway, long enteredMs, Long admittedWithinMs, long admittedHumans) {}

    /** Who took a seat: a nickname, or {@code null} with {@code bot} for a bot. */
    public record TakenBy(String nickname, boolean bot) {}

    /**
     * The player's step with the largest excess over a reference, {@code referenceMs}, that its {@code basis} names:
     * {@link Basis#ROUND} the round's humans' 10th percentile of that step (over {@code humans} humans who reached it);
     * {@link Basis#PERSONAL_BEST}, when too few humans reached the step to compare with (practice alone against the
     * bots), the same step in the player's best won round before this one ({@code humans} 0); {@link Basis#SELF}, with
     * nothing to compare the step with, the player's own time over all its steps this round ({@code humans}: the
     * round's humans who reached the step, fewer than three). A step the player was still on when the round closed
     * counts until the close ({@code ms}), although its split in {@code steps} stays null.
     */
    public record Costliest(String step, long ms, Basis basis, long referenceMs, int humans) {

        /** What a costliest step was measured against. */
        public enum Basis {
            ROUND,
            PERSONAL_BEST,
            SELF
        }

        static Costliest againstRound(String step, long ms, long topTenPercentMs, int humans) {
            return new Costliest(step, ms, Basis.ROUND, topTenPercentMs, humans);
        }

        static Costliest againstBest(String step, long ms, long bestMs) {
            return new Costliest(step, ms, Basis.PERSONAL_BEST, bestMs, 0);
        }

        static Costliest againstOwnTime(String step, long ms, long ownMs, int humans) {
            return new Costliest(step, ms, Basis.SELF, ownMs, humans);
        }
    }

    /**
     * The ghosts: the player's best won attempt up to this round (this one when it is a new best), the best before
     * this round (what a new best beat; null before a first win), and the round's fastest human booking.
     * {@code previousBestKnown} is false when the player's earlier rounds could not all be read (MySQL or Redis did not
     * answer): the two bests then count only the rounds that could, and a null {@code previousBest} is no first win.
     */
    public record Ghost(
            PersonalBest personalBest, PersonalBest previousBest, RoundBest roundBest, boolean previousBestKnown) {}

    public record PersonalBest(String roundId, long totalMs, Steps steps) {}

    public record RoundBest(String nickname, long totalMs, Steps steps) {}
}
