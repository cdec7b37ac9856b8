package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.debrief.domain.Debrief.Kind;
import dev.ticketingwarrior.booking.debrief.domain.Debrief.TimelineStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The arithmetic of a debrief, pure: the timeline, the costliest step, the round's best human. */
public final class DebriefAssembly {

    /** Fewer humans than this at a step make its percentile meaningless: no costliest step is named from it. */
    static final int MIN_HUMANS = 3;

    private DebriefAssembly() {}

    /**
     * The attempt's timeline in ms since {@code open}, in time order (ties keep the round's order of steps). Once the
     * round has closed ({@code closed}: when), an attempt it ended before a booking ends with CLOSED, saying the step
     * the player was still on; a waiting player's says it from admission's record whenever it is read.
     */
    public static List<TimelineStep> timeline(
            Attempt attempt, Outcome outcome, Instant open, Optional<Instant> closed) {
        List<TimelineStep> steps = new ArrayList<>();
        steps.add(TimelineStep.at(Kind.OPEN, 0));
        steps.add(TimelineStep.at(Kind.ENTERED, ms(open, attempt.enteredAt())));
        attempt.admittedAt().ifPresent(at -> steps.add(TimelineStep.at(Kind.ADMITTED, ms(open, at))));
        attempt.notAdmitted()
                .ifPresent(waiting -> steps.add(TimelineStep.closedWaiting(
                        ms(open, waiting.closedAt()),
                        placesAway(attempt, waiting),
                        waiting.served(),
                        Steps.Step.WAIT.label())));
        attempt.letterSolvedAt().ifPresent(at -> steps.add(TimelineStep.letter(ms(open, at), attempt.letterAnswers())));
        for (Attempt.SeatAttempt seat : attempt.seats()) {
            Debrief.TakenBy takenBy = null;
            Long margin = null;
            if (seat.result() == SeatResult.TAKEN && seat.taker().isPresent()) {
                Attempt.Taker taker = seat.taker().get();
                takenBy = new Debrief.TakenBy(
                        taker.bot() ? null : taker.nickname().orElse(null), taker.bot());
                // clocks of two instances may disagree by a few ms: the taker had it first, so never below 0
                margin = Math.max(0, Duration.between(taker.since(), seat.at()).toMillis());
            }
            steps.add(TimelineStep.seat(ms(open, seat.at()), seat.seatId(), seat.result(), takenBy, margin));
        }
        attempt.booked().ifPresent(booked -> {
            long bookedMs = ms(open, booked.at());
            steps.add(TimelineStep.booked(
                    bookedMs, booked.seatId(), booked.bookingId().value()));
            Kind decided = switch (outcome.status()) {
                case CONFIRMED -> Kind.CONFIRMED;
                case REJECTED -> Kind.REJECTED;
                case PENDING, NO_SEAT, NOT_ADMITTED -> null;
            };
            if (decided != null) {
                // the database's clock wrote the decision; it never came before the booking
                long at = outcome.at().map(when -> ms(open, when)).orElse(bookedMs);
                steps.add(TimelineStep.at(decided, Math.max(bookedMs, at)));
            }
        });
        if (attempt.admittedAt().isPresent()) {
            closed.flatMap(at -> Steps.caughtOn(attempt).map(step -> closedOn(step, attempt, ms(open, at))))
                    .ifPresent(steps::add);
        }
        List<TimelineStep> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingLong(TimelineStep::atMs)
                .thenComparing(step -> step.step().ordinal()));
        return List.copyOf(ordered);
    }

    /** The close of the round on an admitted player still on {@code step}; on its letter, with its wrong answers. */
    private static TimelineStep closedOn(Steps.Step step, Attempt attempt, long atMs) {
        Integer wrongAnswers = step == Steps.Step.LETTER ? attempt.letterAnswers() : null;
        return TimelineStep.closedOn(atMs, step.label(), wrongAnswers);
    }

    /**
     * Why a waiting player was not admitted (empty for an admitted one): how far the counter got, how many places short
     * of the player, and when the player entered against when the round's admitted humans had entered.
     */
    public static Optional<Debrief.NotAdmitted> notAdmitted(Attempt attempt, Instant open) {
        return attempt.notAdmitted()
                .map(closed -> new Debrief.NotAdmitted(
                        closed.served(),
                        placesAway(attempt, closed),
                        ms(open, attempt.enteredAt()),
                        closed.admittedWithinMs(),
                        closed.admittedHumans()));
    }

    /** Queue numbers still ahead of the player when the round closed: 1 when it was next. */
    private static long placesAway(Attempt attempt, Attempt.NotAdmitted closed) {
        return Math.max(1, attempt.queueNumber() - closed.served());
    }

    /**
     * The player's step that cost most. Each step the player reached is measured against the 10th percentile of that
     * step among the round's humans who reached it (including the player) when there are at least {@link #MIN_HUMANS},
     * else against the same step of the player's best won round before this one ({@code best}) when it has one; the
     * step with the largest excess over its reference is named. A step the round's close caught the player on
     * ({@code stillOn}: a letter never solved, no seat tried) with nothing to measure it against competes with all of
     * its time: the player lost the round there. When no step has anything to measure it against (alone in the round,
     * and never won), the step that took longest is named against the player's own time ({@link
     * Debrief.Costliest.Basis#SELF}). Empty when every step is within its reference.
     */
    public static Optional<Debrief.Costliest> costliest(
            Steps mine, List<Steps> humans, Optional<Steps> best, Optional<Steps.Step> stillOn) {
        List<Steps.Step> reached = Arrays.stream(Steps.Step.values())
                .filter(step -> mine.of(step) != null)
                .toList();
        List<Debrief.Costliest> measured = new ArrayList<>();
        List<Debrief.Costliest> unmeasured = new ArrayList<>();
        long ownMs = reached.stream().mapToLong(mine::of).sum();
        for (Steps.Step step : reached) {
            Optional<Debrief.Costliest> against =
                    againstRound(mine, humans, step).or(() -> best.flatMap(b -> againstBest(mine, b, step)));
            against.ifPresentOrElse(
                    measured::add,
                    () -> unmeasured.add(Debrief.Costliest.againstOwnTime(
                            step.label(),
                            mine.of(step),
                            ownMs,
                            reached(humans, step).size())));
        }
        List<Debrief.Costliest> candidates = new ArrayList<>(measured.stream()
                .filter(costliest -> costliest.ms() > costliest.referenceMs())
                .toList());
        if (measured.isEmpty()) {
            candidates.addAll(unmeasured);
        } else {
            unmeasured.stream()
                    .filter(costliest -> stillOn.map(Steps.Step::label).equals(Optional.of(costliest.step())))
                    .forEach(candidates::add);
        }
        // the first step of the largest excess (max keeps the earlier of equals); a step measured against the
        // player's own time counts all of it
        return candidates.stream()
                .filter(costliest -> costliest.ms() > 0)
                .max(Comparator.comparingLong(DebriefAssembly::excess));
    }

    private static long excess(Debrief.Costliest costliest) {
        return costliest.basis() == Debrief.Costliest.Basis.SELF
                ? costliest.ms()
                : costliest.ms() - costliest.referenceMs();
    }

    /** {@code step} against the round's humans' 10th percentile of it; empty with fewer than {@link #MIN_HUMANS}. */
    private static Optional<Debrief.Costliest> againstRound(Steps mine, List<Steps> humans, Steps.Step step) {
        Long ms = mine.of(step);
        List<Long> reached = reached(humans, step);
        if (ms == null || reached.size() < MIN_HUMANS) {
            return Optional.empty();
        }
        return Optional.of(Debrief.Costliest.againstRound(step.label(), ms, tenthPercentile(reached), reached.size()));
    }

    /** {@code step} against the same step of the player's best round; empty when either has none. */
    private static Optional<Debrief.Costliest> againstBest(Steps mine, Steps best, Steps.Step step) {
        Long ms = mine.of(step);
        Long bestMs = best.of(step);
        if (ms == null || bestMs == null) {
            return Optional.empty();
        }
        return Optional.of(Debrief.Costliest.againstBest(step.label(), ms, bestMs));
    }

    /** The times of {@code step} among the humans who reached it. */
    private static List<Long> reached(List<Steps> humans, Steps.Step step) {
        return humans.stream().map(s -> s.of(step)).filter(Objects::nonNull).toList();
    }

    /** The nearest-rank 10th percentile: the value a tenth of the humans reached in or under. */
    static long tenthPercentile(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(sorted.size() * 0.10);
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The round's fastest human booking (not rejected), ties to the earlier ticket id for a stable answer. */
    public static Optional<Debrief.RoundBest> roundBest(List<AttemptResult> humans, Instant open) {
        return humans.stream()
                .filter(h -> h.attempt().booked().isPresent() && h.outcome().status() != Outcome.Status.REJECTED)
                .min(Comparator.comparingLong((AttemptResult h) -> Steps.totalMs(h.attempt(), open))
                        .thenComparing(h -> h.attempt().ticketId()))
                .map(h -> new Debrief.RoundBest(
                        h.attempt().nickname(), Steps.totalMs(h.attempt(), open), Steps.of(h.attempt(), open)));
    }

    /**
     * The better of two personal bests (the stored one, and this round's attempt when it was won): the lower total,
     * the earlier round on a tie.
     */
    public static Optional<Debrief.PersonalBest> better(
            Optional<Debrief.PersonalBest> stored, Optional<Debrief.PersonalBest> current) {
        if (stored.isEmpty()) {
            return current;
        }
        if (current.isEmpty()) {
            return stored;
        }
        Debrief.PersonalBest a = stored.get();
        Debrief.PersonalBest b = current.get();
        if (a.totalMs() != b.totalMs()) {
            return Optional.of(a.totalMs() < b.totalMs() ? a : b);
        }
        return Optional.of(a.roundId().compareTo(b.roundId()) <= 0 ? a : b);
    }

    static long ms(Instant open, Instant at) {
        return Math.max(0, Duration.between(open, at).toMillis());
    }
}
