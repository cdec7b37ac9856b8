package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.RoundVerdict;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import dev.ticketingwarrior.perf.journey.Journal;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One line of the per-round table and one entry of {@code summary.json}'s {@code perRound}; {@code index} 1 is the
 * first measured round, a warm-up round's is 0 or less. {@code late}: admitted players the round closed on before they
 * booked (a 403 on the letter, a hold or the booking), the first sign of a system too slow for its rounds.
 * {@code placeReleased}: admitted players refused a letter answer or a hold with 403 {@code place-released} (they went
 * quiet for admission's active timeout while the round was full under {@code --max-active}).
 * {@code seats}: the round's seat map, empty when booking did not answer for it.
 */
record RoundRow(
        int index,
        RoundWindow window,
        int players,
        int entered,
        int admitted,
        int noSeat,
        int late,
        int placeReleased,
        int notAdmitted,
        int stillPending,
        int errors,
        OptionalInt seats,
        Map<String, StepStats> steps,
        RoundVerdict verdict,
        Map<String, HeapReading> heap) {

    static RoundRow of(
            int index,
            RoundWindow window,
            Journal.RoundLog log,
            OptionalInt seats,
            RoundVerdict verdict,
            Map<String, HeapReading> heap) {
        return new RoundRow(
                index,
                window,
                log.players(),
                log.enteredCount(),
                log.admittedCount(),
                log.outcomes(Journal.Outcome.NO_SEAT),
                log.outcomes(Journal.Outcome.ROUND_CLOSED),
                log.outcomes(Journal.Outcome.PLACE_RELEASED),
                log.outcomes(Journal.Outcome.NOT_ADMITTED),
                log.outcomes(Journal.Outcome.STILL_PENDING),
                log.outcomes(Journal.Outcome.ERROR),
                seats,
                StepStats.of(log.samples()),
                verdict,
                heap);
    }

    boolean warmUp() {
        return index < 1;
    }

    long p99(String step) {
        StepStats stats = steps.get(step);
        return stats == null ? -1 : stats.p99();
    }
}
