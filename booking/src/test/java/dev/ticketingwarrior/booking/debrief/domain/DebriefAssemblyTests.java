package dev.ticketingwarrior.booking.debrief.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.debrief.domain.Debrief.Kind;
import dev.ticketingwarrior.booking.debrief.domain.Debrief.TimelineStep;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The debrief's arithmetic: timeline, steps, costliest step, round's best and personal best. */
class DebriefAssemblyTests {

    static final Instant OPEN = Instant.parse("2026-12-03T17:00:00Z");
    static final RoundId ROUND = RoundId.startingAt(OPEN);

    @Test
    void theTimelineShowsEveryStepInTimeOrderWithEachTakerAndItsMargin() {
        Attempt won = attempt("kim", 812, 2400, 5100, 2)
                .seat(7300, "A-6", SeatResult.TAKEN, taker(null, true, 7205))
                .seat(6900, "A-5", SeatResult.TAKEN, taker("lee", false, 6560))
                .seat(7600, "A-7", SeatResult.HELD, null)
                .booked(8100, "b-1", "A-7", 7600)
                .build();

        List<TimelineStep> timeline = DebriefAssembly.timeline(
                won, new Outcome(Outcome.Status.CONFIRMED, Optional.of(at(8230))), OPEN, Optional.of(at(15_000)));

        assertThat(timeline)
                .extracting(TimelineStep::step)
                .containsExactly(
                        Kind.OPEN,
                        Kind.ENTERED,
                        Kind.ADMITTED,
                        Kind.LETTER,
                        Kind.SEAT,
                        Kind.SEAT,
                        Kind.SEAT,
                        Kind.BOOKED,
                        Kind.CONFIRMED);
        assertThat(timeline)
                .extracting(TimelineStep::atMs)
                .containsExactly(0L, 812L, 2400L, 5100L, 6900L, 7300L, 7600L, 8100L, 8230L);
        assertThat(timeline.get(3).attempts()).isEqualTo(2);
        TimelineStep lost = timeline.get(4);
        assertThat(lost.seatId()).isEqualTo("A-5");
        assertThat(lost.takenBy()).isEqualTo(new Debrief.TakenBy("lee", false));
        assertThat(lost.marginMs()).isEqualTo(340);
        assertThat(timeline.get(5).takenBy()).isEqualTo(new Debrief.TakenBy(null, true));
        assertThat(timeline.get(5).marginMs()).isEqualTo(95);
        assertThat(timeline.get(7).bookingId()).isEqualTo("b-1");
    }

    @Test
    void aTakenSeatWithAnUnknownTakerHasNeitherTakerNorMargin() {
        Attempt lost = attempt("kim", 100, 200, 300, 1)
                .seat(400, "A-1", SeatResult.TAKEN, null)
                .build();

        TimelineStep seat = DebriefAssembly.timeline(lost, Outcome.NO_SEAT, OPEN, Optional.empty())
                .getLast();

        assertThat(seat.result()).isEqualTo(SeatResult.TAKEN);
        assertThat(seat.takenBy()).isNull();
        assertThat(seat.marginMs()).isNull();
    }

    @Test
    void aDecisionStampedBeforeTheBookingByAnotherClockIsShownAtTheBooking() {
        Attempt won = attempt("kim", 100, 200, 300, 1)
                .seat(400, "A-1", SeatResult.HELD, null)
                .booked(500, "b-1", "A-1", 400)
                .build();

        List<TimelineStep> timeline = DebriefAssembly.timeline(
                won, new Outcome(Outcome.Status.REJECTED, Optional.of(at(450))), OPEN, Optional.of(at(15_000)));

        assertThat(timeline.getLast().step()).isEqualTo(Kind.REJECTED);
        assertThat(timeline.getLast().atMs()).isEqualTo(500);
    }

    @Test
    void aPendingBookingEndsTheTimelineAtBooked() {
        Attempt won =
                attempt("kim", 100, 200, 300, 1).booked(500, "b-1", "A-1", 400).build();

        assertThat(DebriefAssembly.timeline(won, Outcome.PENDING, OPEN, Optional.of(at(15_000)))
                        .getLast()
                        .step())
                .isEqualTo(Kind.BOOKED);
    }

    @Test
    void aPlayerTheCloseCaughtOnItsLetterEndsWithTheCloseAndItsWrongAnswers() {
        Attempt stuck = attempt("kim", 100, 200, 0, 3).noLetter().build();

        List<TimelineStep> timeline = DebriefAssembly.timeline(stuck, Outcome.NO_SEAT, OPEN, Optional.of(at(15_000)));

        assertThat(timeline)
                .extracting(TimelineStep::step)
                .containsExactly(Kind.OPEN, Kind.ENTERED, Kind.ADMITTED, Kind.CLOSED);
        TimelineStep closed = timeline.getLast();
        assertThat(closed.atMs()).isEqualTo(15_000);
        assertThat(closed.stillOn()).isEqualTo("letter");
        assertThat(closed.attempts()).isEqualTo(3);
        assertThat(closed.placesAway()).isNull();
        // while the round is open the attempt goes on: no close yet
        assertThat(DebriefAssembly.timeline(stuck, Outcome.NO_SEAT, OPEN, Optional.empty()))
                .extracting(TimelineStep::step)
                .containsExactly(Kind.OPEN, Kind.ENTERED, Kind.ADMITTED);
    }

    @Test
    void theCloseSaysWhetherItCaughtAPlayerPickingOrHoldingTheSeatItTriedLast() {
        Attempt picking = attempt("kim", 100, 200, 300, 1)
                .seat(900, "A-2", SeatResult.TAKEN, null)
                .seat(400, "A-1", SeatResult.HELD, null)
                .build();
        Attempt holding = attempt("kim", 100, 200, 300, 1)
                .seat(400, "A-1", SeatResult.TAKEN, null)
                .seat(900, "A-2", SeatResult.HELD, null)
                .build();
        Attempt booked = attempt("kim", 100, 200, 300, 1)
                .seat(400, "A-1", SeatResult.HELD, null)
                .booked(500, "b-1", "A-1", 400)
                .build();

        TimelineStep caughtPicking = DebriefAssembly.timeline(picking, Outcome.NO_SEAT, OPEN, Optional.of(at(15_000)))
                .getLast();
        assertThat(caughtPicking.step()).isEqualTo(Kind.CLOSED);
        assertThat(caughtPicking.stillOn()).isEqualTo("pick");
        assertThat(caughtPicking.attempts()).isNull();
        assertThat(DebriefAssembly.timeline(holding, Outcome.NO_SEAT, OPEN, Optional.of(at(15_000)))
                        .getLast()
                        .stillOn())
                .isEqualTo("confirm");
        assertThat(DebriefAssembly.timeline(booked, Outcome.PENDING, OPEN, Optional.of(at(15_000))))
                .extracting(TimelineStep::step)
                .doesNotContain(Kind.CLOSED);
    }

    @Test
    void aWinnersPickEndsAtTheHoldItBookedAndTotalIsOpenToBooked() {
        Attempt won = attempt("kim", 812, 2400, 5100, 2)
                .seat(6900, "A-5", SeatResult.TAKEN, null)
                .seat(7600, "A-7", SeatResult.HELD, null)
                .seat(7900, "B-1", SeatResult.UNKNOWN_SEAT, null)
                .booked(8100, "b-1", "A-7", 7600)
                .build();

        assertThat(Steps.of(won, OPEN)).isEqualTo(new Steps(812L, 1588L, 2700L, 2500L, 500L));
        assertThat(Steps.totalMs(won, OPEN)).isEqualTo(8100);
    }

    @Test
    void aLosersPickEndsAtItsLastSeatAttemptAndItHasNoTotal() {
        Attempt lost = attempt("kim", 812, 2400, 5100, 1)
                .seat(6900, "A-5", SeatResult.TAKEN, null)
                .seat(9000, "A-6", SeatResult.TAKEN, null)
                .build();

        assertThat(Steps.of(lost, OPEN)).isEqualTo(new Steps(812L, 1588L, 2700L, 3900L, null));
        assertThat(Steps.totalMs(lost, OPEN)).isNull();
    }

    @Test
    void stepsNotReachedAreNull() {
        Attempt admittedOnly = attempt("kim", 812, 2400, 0, 0).noLetter().build();

        assertThat(Steps.of(admittedOnly, OPEN)).isEqualTo(new Steps(812L, 1588L, null, null, null));
    }

    @Test
    void theCostliestStepIsTheLargestExcessOverTheHumansTenthPercentile() {
        Steps mine = new Steps(800L, 1500L, 4100L, 2000L, 500L);
        List<Steps> humans = new ArrayList<>();
        humans.add(mine);
        for (int i = 0; i < 19; i++) {
            // letters: 1300 is the 10th percentile of 20 (the 2nd fastest); the rest is close to mine
            humans.add(new Steps(700L + i, 1400L + i, i < 2 ? 1000L + 300 * i : 3000L + i, 1900L + i, 450L + i));
        }

        Optional<Debrief.Costliest> costliest =
                DebriefAssembly.costliest(mine, humans, Optional.empty(), Optional.empty());

        assertThat(costliest).contains(new Debrief.Costliest("letter", 4100, Debrief.Costliest.Basis.ROUND, 1300, 20));
    }

    @Test
    void noCostliestStepWhenNothingExceedsTheHumansTenthPercentile() {
        Steps mine = new Steps(800L, 1500L, 4100L, null, null);
        Steps fastest = new Steps(1L, 1L, 1L, null, null);

        assertThat(costliest(fastest, List.of(fastest, mine, mine, mine), null)).isEmpty();
    }

    @Test
    void practisingAloneTheCostliestStepIsTheLargestExcessOverThePlayersBestRound() {
        Steps mine = new Steps(800L, 1500L, 4100L, 2000L, 500L);
        Steps best = new Steps(700L, 1600L, 2100L, 900L, 450L);

        assertThat(costliest(mine, List.of(mine), best))
                .contains(new Debrief.Costliest("letter", 4100, Debrief.Costliest.Basis.PERSONAL_BEST, 2100, 0));
        assertThat(costliest(best, List.of(best), best))
                .as("no step slower than the best")
                .isEmpty();
    }

    /** Alone in the round and never won: the step that took longest, against the player's own time. */
    @Test
    void withNothingToCompareWithTheStepThatTookLongestIsNamedAgainstThePlayersOwnTime() {
        Steps mine = new Steps(800L, 1500L, 4100L, 2000L, 500L);

        assertThat(costliest(mine, List.of(mine), null))
                .contains(new Debrief.Costliest("letter", 4100, Debrief.Costliest.Basis.SELF, 8900, 1));
        assertThat(costliest(mine, List.of(mine, new Steps(1L, 1L, 1L, null, null)), null))
                .as("two humans are still too few to compare with")
                .contains(new Debrief.Costliest("letter", 4100, Debrief.Costliest.Basis.SELF, 8900, 2));
    }

    @Test
    void eachStepIsMeasuredAgainstTheRoundWhereEnoughHumansReachedItElseAgainstThePlayersBest() {
        Steps mine = new Steps(800L, 1500L, 4100L, 2000L, null);
        Steps other = new Steps(800L, 1500L, 3000L, null, null);
        Steps best = new Steps(900L, 1600L, 3000L, 200L, null);

        assertThat(costliest(mine, List.of(mine, other, other), best))
                .as("the pick, which only the player reached, against its best round: 1.8 s over, the letter 1.1 s")
                .contains(new Debrief.Costliest("pick", 2000, Debrief.Costliest.Basis.PERSONAL_BEST, 200, 0));
    }

    /**
     * The round closed while the player was still on the letter, which too few humans solved to compare with: that
     * step counts with all of its time, not the wait some humans were admitted faster from.
     */
    @Test
    void aStepTheCloseCaughtThePlayerOnWithNothingToCompareItWithCountsAllOfItsTime() {
        Steps mine = new Steps(300L, 5400L, 32_000L, null, null);
        List<Steps> humans =
                List.of(mine, new Steps(300L, 0L, 2000L, 1000L, null), new Steps(300L, 0L, null, null, null));

        assertThat(DebriefAssembly.costliest(mine, humans, Optional.empty(), Optional.of(Steps.Step.LETTER)))
                .contains(new Debrief.Costliest("letter", 32_000, Debrief.Costliest.Basis.SELF, 37_700, 2));
        assertThat(costliest(mine, humans, null))
                .as("a letter solved in that time is only a step few humans reached: the wait is measured")
                .contains(new Debrief.Costliest("wait", 5400, Debrief.Costliest.Basis.ROUND, 0, 3));
    }

    @Test
    void aStepOnlyThePlayerReachedDoesNotOutweighStepsThatCouldBeMeasured() {
        Steps mine = new Steps(100L, 100L, 1000L, 900L, 400L);
        Steps slower = new Steps(200L, 200L, 2000L, null, null);

        assertThat(costliest(mine, List.of(mine, slower, slower), null))
                .as("the fastest human everywhere; the pick and confirm only the player reached")
                .isEmpty();
    }

    @Test
    void theRoundsHumansComeBeforeThePlayersBestWhenThereAreEnough() {
        Steps mine = new Steps(800L, 1500L, 1000L, null, null);
        List<Steps> humans =
                List.of(mine, new Steps(100L, 1500L, 1000L, null, null), new Steps(100L, 1500L, 1000L, null, null));
        Steps best = new Steps(800L, 1500L, 100L, null, null);

        assertThat(costliest(mine, humans, best))
                .as("entry against the round, not the letter against the best")
                .contains(new Debrief.Costliest("entry", 800, Debrief.Costliest.Basis.ROUND, 100, 3));
        Steps fastest = new Steps(100L, 1500L, 1000L, null, null);
        assertThat(costliest(fastest, humans, best))
                .as("compared with the round and nothing stood out: no fallback")
                .isEmpty();
    }

    @Test
    void aStepOthersReachedButTheCallerDidNotIsNeverItsCostliest() {
        Steps mine = new Steps(800L, 1500L, null, null, null);
        List<Steps> humans =
                List.of(mine, new Steps(800L, 1500L, 10L, 10L, 10L), new Steps(800L, 1500L, 10L, 10L, 10L));

        assertThat(costliest(mine, humans, null)).isEmpty();
    }

    /** The costliest step of an attempt the round's close did not catch on a step; {@code best} may be null. */
    private static Optional<Debrief.Costliest> costliest(Steps mine, List<Steps> humans, Steps best) {
        return DebriefAssembly.costliest(mine, humans, Optional.ofNullable(best), Optional.empty());
    }

    @Test
    void theTenthPercentileIsTheNearestRank() {
        assertThat(DebriefAssembly.tenthPercentile(List.of(5L, 1L, 3L))).isEqualTo(1);
        assertThat(DebriefAssembly.tenthPercentile(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L, 110L)))
                .isEqualTo(20);
    }

    @Test
    void theRoundsBestIsItsFastestHumanBookingThatWasNotRejected() {
        AttemptResult rejected = new AttemptResult(
                attempt("park", 100, 200, 300, 1).booked(900, "b-0", "A-1", 800).build(),
                null,
                new Outcome(Outcome.Status.REJECTED, Optional.empty()));
        AttemptResult lee = new AttemptResult(
                attempt("lee", 100, 200, 300, 1)
                        .booked(3100, "b-1", "A-2", 2800)
                        .build(),
                null,
                Outcome.PENDING);
        AttemptResult kim = new AttemptResult(
                attempt("kim", 100, 200, 300, 1)
                        .booked(4000, "b-2", "A-3", 3900)
                        .build(),
                null,
                Outcome.PENDING);
        AttemptResult loser = new AttemptResult(attempt("choi", 50, 60, 70, 1).build(), null, Outcome.NO_SEAT);

        Optional<Debrief.RoundBest> best = DebriefAssembly.roundBest(List.of(kim, rejected, loser, lee), OPEN);

        assertThat(best).contains(new Debrief.RoundBest("lee", 3100, new Steps(100L, 100L, 100L, 2500L, 300L)));
        assertThat(DebriefAssembly.roundBest(List.of(loser), OPEN)).isEmpty();
    }

    @Test
    void aPlayerTheRoundClosedOnSeesItsEntryThenTheCloseAndHowFarTheCounterGot() {
        Attempt waited = Attempt.unseen(
                ROUND,
                "t-9",
                PlayerId.of("kim", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                "kim",
                420,
                at(4200),
                Optional.empty(),
                Optional.of(new Attempt.NotAdmitted(at(15_000), 380, 2100L, 350)));

        List<TimelineStep> timeline =
                DebriefAssembly.timeline(waited, Outcome.NOT_ADMITTED, OPEN, Optional.of(at(15_000)));

        assertThat(timeline).extracting(TimelineStep::step).containsExactly(Kind.OPEN, Kind.ENTERED, Kind.CLOSED);
        assertThat(timeline.get(1).atMs()).isEqualTo(4200);
        TimelineStep closed = timeline.getLast();
        assertThat(closed.atMs()).isEqualTo(15_000);
        assertThat(closed.placesAway()).isEqualTo(40);
        assertThat(closed.served()).isEqualTo(380);
        assertThat(closed.stillOn()).isEqualTo("wait");
        assertThat(DebriefAssembly.notAdmitted(waited, OPEN))
                .contains(new Debrief.NotAdmitted(380, 40, 4200, 2100L, 350));
        assertThat(Steps.of(waited, OPEN)).isEqualTo(new Steps(4200L, null, null, null, null));
        assertThat(Steps.totalMs(waited, OPEN)).isNull();
        assertThat(waited.unbooked()).isEqualTo(Outcome.NOT_ADMITTED);
        assertThat(DebriefAssembly.notAdmitted(attempt("kim", 1, 2, 3, 1).build(), OPEN))
                .isEmpty();
    }

    @Test
    void thePersonalBestIsTheLowerTotalAndTheEarlierRoundOnATie() {
        Steps steps = new Steps(1L, 1L, 1L, 1L, 1L);
        Debrief.PersonalBest older = new Debrief.PersonalBest("20261203T160000Z", 6200, steps);
        Debrief.PersonalBest now = new Debrief.PersonalBest("20261203T170000Z", 6100, steps);
        Debrief.PersonalBest tie = new Debrief.PersonalBest("20261203T170000Z", 6200, steps);

        assertThat(DebriefAssembly.better(Optional.of(older), Optional.of(now))).contains(now);
        assertThat(DebriefAssembly.better(Optional.of(older), Optional.of(tie))).contains(older);
        assertThat(DebriefAssembly.better(Optional.empty(), Optional.of(now))).contains(now);
        assertThat(DebriefAssembly.better(Optional.of(older), Optional.empty())).contains(older);
        assertThat(DebriefAssembly.better(Optional.empty(), Optional.empty())).isEmpty();
    }

    static Instant at(long ms) {
        return OPEN.plusMillis(ms);
    }

    static Attempt.Taker taker(String nickname, boolean bot, long sinceMs) {
        return new Attempt.Taker(Optional.ofNullable(nickname), bot, at(sinceMs));
    }

    static Builder attempt(String nickname, long enteredMs, long admittedMs, long letterMs, int answers) {
        return new Builder(nickname, enteredMs, admittedMs, letterMs, answers);
    }

    /** An attempt written the way a round goes; times in ms since {@link #OPEN}. */
    static final class Builder {

        private final String nickname;
        private final long enteredMs;
        private final long admittedMs;
        private Long letterMs;
        private final int answers;
        private final List<Attempt.SeatAttempt> seats = new ArrayList<>();
        private Attempt.Booked booked;
        private String secret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        private String ticket = "t-1";
        private RoundId round = ROUND;

        Builder(String nickname, long enteredMs, long admittedMs, long letterMs, int answers) {
            this.nickname = nickname;
            this.enteredMs = enteredMs;
            this.admittedMs = admittedMs;
            this.letterMs = letterMs;
            this.answers = answers;
        }

        Builder seat(long atMs, String seatId, SeatResult result, Attempt.Taker taker) {
            seats.add(new Attempt.SeatAttempt(at(atMs), seatId, result, Optional.ofNullable(taker)));
            return this;
        }

        Builder booked(long atMs, String bookingId, String seatId, long heldMs) {
            booked = new Attempt.Booked(at(atMs), new BookingId(round, bookingId), seatId, at(heldMs));
            return this;
        }

        /** Never solved a letter. */
        Builder noLetter() {
            letterMs = null;
            return this;
        }

        Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        Builder ticket(String ticket) {
            this.ticket = ticket;
            return this;
        }

        Builder round(RoundId round) {
            this.round = round;
            return this;
        }

        Attempt build() {
            Instant open = round.start();
            Optional<Instant> last = seats.stream()
                    .map(Attempt.SeatAttempt::at)
                    .max(Instant::compareTo)
                    .map(t -> open.plusMillis(t.toEpochMilli() - OPEN.toEpochMilli()));
            List<Attempt.SeatAttempt> shifted = seats.stream()
                    .map(s -> new Attempt.SeatAttempt(shift(s.at(), open), s.seatId(), s.result(), s.taker()))
                    .toList();
            return new Attempt(
                    round,
                    ticket,
                    PlayerId.of(nickname, secret),
                    nickname,
                    7,
                    open.plusMillis(enteredMs),
                    Optional.of(open.plusMillis(admittedMs)),
                    Optional.ofNullable(letterMs).map(open::plusMillis),
                    answers,
                    shifted,
                    last,
                    Optional.ofNullable(booked).map(b -> shift(b.heldAt(), open)),
                    Optional.ofNullable(booked)
                            .map(b -> new Attempt.Booked(
                                    shift(b.at(), open), b.bookingId(), b.seatId(), shift(b.heldAt(), open))),
                    Optional.empty());
        }

        private static Instant shift(Instant atFromOpen, Instant open) {
            return open.plusMillis(atFromOpen.toEpochMilli() - OPEN.toEpochMilli());
        }
    }
}
