package dev.ticketingwarrior.booking.debrief.domain;

import static dev.ticketingwarrior.booking.debrief.domain.DebriefAssemblyTests.OPEN;
import static dev.ticketingwarrior.booking.debrief.domain.DebriefAssemblyTests.ROUND;
import static dev.ticketingwarrior.booking.debrief.domain.DebriefAssemblyTests.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.TicketSeals;
import dev.ticketingwarrior.shared.wire.WaitingTicket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading debriefs and history, and archiving rounds, on in-memory stores that keep the adapters' rules. */
class DebriefsTests {

    static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String OTHER_SECRET = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    private final SteppedClock time = new SteppedClock(OPEN.plusSeconds(20));
    private final RoundClock clock = new RoundClock(time, Duration.ofMinutes(1), Duration.ofSeconds(15));
    private final RoundRetention retention = new RoundRetention(clock, Duration.ofMinutes(10));
    private final Live live = new Live();
    private final Archive archive = new Archive();
    private final Admission admission = new Admission();
    /** The outcomes booking keeps in Redis a while after their rows, by booking id. */
    private final Map<String, Outcome.Status> kept = new HashMap<>();

    private final Debriefs debriefs = new Debriefs(
            live,
            archive,
            admission,
            bookingId -> Optional.ofNullable(kept.get(bookingId.value())),
            clock,
            retention,
            Duration.ZERO);
    private final AttemptArchiver archiver = new AttemptArchiver(
            live, archive, clock, retention, Duration.ofSeconds(10), Duration.ofSeconds(30), new SimpleMeterRegistry());

    /**
     * Kim's win five minutes before this round, archived: entered at 0.1 s, admitted at 0.2 s, the letter solved at
     * 0.3 s, the seat held at {@code heldMs} and booked at {@code bookedMs} (CONFIRMED).
     */
    private RoundId kimWonFiveMinutesBefore(long bookedMs, long heldMs) {
        RoundId earlier = RoundId.startingAt(OPEN.minus(Duration.ofMinutes(5)));
        archive.save(
                List.of(attempt("kim", 100, 200, 300, 1)
                        .round(earlier)
                        .ticket("t-old")
                        .booked(bookedMs, "b-old", "A-1", heldMs)
                        .build()),
                40L);
        archive.outcomes.put("b-old", new Outcome(Outcome.Status.CONFIRMED, Optional.empty()));
        return earlier;
    }

    @Test
    void onlyThePlayerTheTicketIsBoundToReadsItsDebrief() {
        live.put(attempt("kim", 100, 200, 300, 1).ticket("t-kim").build());

        assertThat(debriefs.debrief(ROUND, "t-kim", SECRET)).isPresent();
        assertThat(debriefs.debrief(ROUND, "t-kim", OTHER_SECRET)).isEmpty();
        assertThat(debriefs.debrief(ROUND, "t-nobody", SECRET)).isEmpty();
    }

    @Test
    void aLiveDebriefCountsThisRoundsWinAsThePersonalBestWhenItBeatsTheStoredOne() {
        RoundId earlier = kimWonFiveMinutesBefore(9000, 8000);
        live.put(attempt("kim", 100, 200, 300, 1)
                .ticket("t-kim")
                .booked(6000, "b-new", "A-2", 5000)
                .build());
        archive.outcomes.put("b-new", new Outcome(Outcome.Status.CONFIRMED, Optional.of(OPEN.plusMillis(6100))));

        Debrief debrief = debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow();

        assertThat(debrief.outcome()).isEqualTo(Outcome.Status.CONFIRMED);
        assertThat(debrief.totalMs()).isEqualTo(6000);
        assertThat(debrief.ghost().personalBest().roundId()).isEqualTo(ROUND.value());
        assertThat(debrief.ghost().personalBest().totalMs()).isEqualTo(6000);
        // what the new best beat
        assertThat(debrief.ghost().previousBest().roundId()).isEqualTo(earlier.value());
        assertThat(debrief.ghost().previousBest().totalMs()).isEqualTo(9000);
        assertThat(debrief.ghost().roundBest().nickname()).isEqualTo("kim");
        assertThat(debrief.ghost().previousBestKnown()).isTrue();
        assertThat(debrief.queue()).isEqualTo(new Debrief.Queue(7, 480L));
    }

    /** A win while MySQL does not answer: its earlier wins cannot be read, which is not the same as none. */
    @Test
    void whileMysqlIsDownANewWinSaysItsEarlierBestIsUnknownNotAFirstWin() {
        RoundId earlier = kimWonFiveMinutesBefore(5000, 4000);
        live.put(attempt("kim", 100, 200, 300, 1)
                .ticket("t-kim")
                .booked(6000, "b-kim", "A-2", 5000)
                .build());
        kept.put("b-kim", Outcome.Status.CONFIRMED);
        archive.readsDown = true;

        Debrief.Ghost ghost =
                debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow().ghost();

        assertThat(ghost.previousBestKnown()).isFalse();
        assertThat(ghost.previousBest()).isNull();
        assertThat(ghost.personalBest().roundId())
                .as("the best of what could be read")
                .isEqualTo(ROUND.value());
        archive.readsDown = false;
        Debrief.Ghost read =
                debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow().ghost();
        assertThat(read.previousBestKnown()).isTrue();
        assertThat(read.personalBest().roundId()).isEqualTo(earlier.value());
    }

    /** The round before, closed seconds ago, is not archived yet: its win is the best this round's is raced against. */
    @Test
    void aWinOfARoundNotArchivedYetIsTheBestBeforeThisOne() {
        RoundId earlier = RoundId.startingAt(OPEN.minus(Duration.ofMinutes(1)));
        live.put(attempt("kim", 100, 200, 300, 1)
                .round(earlier)
                .ticket("t-old")
                .booked(9000, "b-old", "A-1", 8000)
                .build());
        archive.outcomes.put("b-old", new Outcome(Outcome.Status.CONFIRMED, Optional.empty()));
        live.put(attempt("kim", 100, 200, 300, 1)
                .ticket("t-kim")
                .booked(6000, "b-new", "A-2", 5000)
                .build());
        archive.outcomes.put("b-new", new Outcome(Outcome.Status.CONFIRMED, Optional.empty()));

        Debrief debrief = debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow();

        assertThat(debrief.ghost().personalBest().roundId()).isEqualTo(ROUND.value());
        assertThat(debrief.ghost().previousBest().roundId()).isEqualTo(earlier.value());
        assertThat(debrief.ghost().previousBest().totalMs()).isEqualTo(9000);
    }

    /** MySQL stopped just after kim's row was written: the debrief tells what booking keeps in Redis, not PENDING. */
    @Test
    void whileMysqlIsDownADebriefTellsTheOutcomeKeptBesideTheBooking() {
        live.put(attempt("kim", 100, 200, 300, 1)
                .ticket("t-kim")
                .booked(6000, "b-kim", "A-2", 5000)
                .build());
        live.put(attempt("lee", 100, 200, 300, 1)
                .secret(OTHER_SECRET)
                .ticket("t-lee")
                .booked(7000, "b-lee", "A-3", 6500)
                .build());
        kept.put("b-kim", Outcome.Status.CONFIRMED);
        archive.readsDown = true;

        assertThat(debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow().outcome())
                .isEqualTo(Outcome.Status.CONFIRMED);
        assertThat(debriefs.debrief(ROUND, "t-lee", OTHER_SECRET).orElseThrow().outcome())
                .as("its row not written yet")
                .isEqualTo(Outcome.Status.PENDING);
    }

    @Test
    void aLosersGhostIsItsStoredBestAndTheRoundsBestHuman() {
        RoundId earlier = kimWonFiveMinutesBefore(9000, 8000);
        live.put(attempt("kim", 100, 200, 300, 1).ticket("t-kim").build());
        live.put(attempt("lee", 100, 200, 300, 1)
                .secret(OTHER_SECRET)
                .ticket("t-lee")
                .booked(3100, "b-lee", "A-2", 2800)
                .build());

        Debrief debrief = debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow();

        assertThat(debrief.outcome()).isEqualTo(Outcome.Status.NO_SEAT);
        assertThat(debrief.totalMs()).isNull();
        assertThat(debrief.ghost().personalBest().roundId()).isEqualTo(earlier.value());
        assertThat(debrief.ghost().previousBest()).isEqualTo(debrief.ghost().personalBest());
        assertThat(debrief.ghost().roundBest().nickname()).isEqualTo("lee");
    }

    /** Practising alone against the bots: the step that cost most is measured against the player's best round. */
    @Test
    void practisingAloneTheCostliestStepIsMeasuredAgainstThePlayersBestRound() {
        kimWonFiveMinutesBefore(9000, 8000);
        live.put(attempt("kim", 100, 200, 2_300, 1)
                .ticket("t-kim")
                .booked(6000, "b-new", "A-2", 5000)
                .build());
        archive.outcomes.put("b-new", new Outcome(Outcome.Status.CONFIRMED, Optional.of(OPEN.plusMillis(6100))));

        Debrief debrief = debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow();

        assertThat(debrief.costliest())
                .as("the letter took 2.1 s against 0.1 s in the best round; the seat was quicker than then")
                .isEqualTo(new Debrief.Costliest("letter", 2100, Debrief.Costliest.Basis.PERSONAL_BEST, 100, 0));
    }

    /** Admitted at 0.2 s, still on the letter when the round closed at 15 s: that is the step that cost most. */
    @Test
    void aPlayerTheCloseCaughtOnTheLetterIsToldTheLetterCostMost() {
        live.put(attempt("kim", 100, 200, 0, 6).ticket("t-kim").noLetter().build());
        for (String other : List.of("lee", "park", "choi")) {
            live.put(attempt(other, 100, 200, 2_000, 1)
                    .secret(OTHER_SECRET)
                    .ticket("t-" + other)
                    .booked(4_000, "b-" + other, "A-" + other.length(), 3_000)
                    .build());
        }

        Debrief debrief = debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow();

        assertThat(debrief.steps().letterMs())
                .as("never solved: no split to show")
                .isNull();
        assertThat(debrief.costliest().step()).isEqualTo("letter");
        assertThat(debrief.costliest().ms()).as("admitted → the close").isEqualTo(14_800);
        assertThat(debrief.costliest().basis()).isEqualTo(Debrief.Costliest.Basis.ROUND);
        assertThat(debrief.costliest().referenceMs()).isEqualTo(1_800);
    }

    @Test
    void theArchiveWaitsForTheGraceThenWritesTheRoundOnceAndTheDebriefOutlivesTheRedisKeys() {
        live.put(attempt("kim", 100, 200, 300, 1).ticket("t-kim").build());
        Round round = clock.round(ROUND);

        time.set(round.closesAt().plusSeconds(9));
        archiver.archive();
        assertThat(archive.rows).isEmpty();

        time.set(round.closesAt().plusSeconds(10));
        archiver.archive();
        archiver.archive();
        assertThat(archive.rows).hasSize(1);
        assertThat(archive.saves).isEqualTo(1);

        live.attempts.clear(); // the round's keys expired
        Debrief debrief = debriefs.debrief(ROUND, "t-kim", SECRET).orElseThrow();
        assertThat(debrief.queue().entered()).isEqualTo(480);
        assertThat(debrief.nickname()).isEqualTo("kim");
    }

    @Test
    void aRoundThatCannotBeArchivedHoldsNoOtherBack() {
        RoundId earlier = RoundId.startingAt(OPEN.minus(Duration.ofMinutes(1)));
        live.put(attempt("kim", 100, 200, 300, 1).ticket("t-kim").build());
        live.put(attempt("kim", 100, 200, 300, 1)
                .round(earlier)
                .ticket("t-earlier")
                .build());
        live.unreadable = ROUND;
        time.set(clock.round(ROUND).closesAt().plusSeconds(10));

        assertThatThrownBy(archiver::archive)
                .as("the round that failed, for the background task's log")
                .hasMessage("a round that cannot be read");

        assertThat(archive.rows).containsOnlyKeys(earlier + "/t-earlier");
    }

    @Test
    void aFailedArchiveIsTriedAgainOnceItsClaimRunsOut() {
        live.put(attempt("kim", 100, 200, 300, 1).ticket("t-kim").build());
        time.set(clock.round(ROUND).closesAt().plusSeconds(10));
        archive.down = true;
        try {
            archiver.archive();
        } catch (RuntimeException expected) {
            // MySQL down: the background task logs it and runs again
        }
        archive.down = false;
        archiver.archive();
        assertThat(archive.rows).isEmpty();

        live.claims.clear(); // the claim ran out
        archiver.archive();
        assertThat(archive.rows).hasSize(1);
    }

    @Test
    void historyCountsRoundsAndWinsAndErasingLeavesNothing() {
        for (int i = 1; i <= 3; i++) {
            RoundId round = RoundId.startingAt(OPEN.minus(Duration.ofMinutes(i)));
            archive.save(
                    List.of(attempt("kim", 100, 200, 300, 1)
                            .round(round)
                            .ticket("t-" + i)
                            .booked(5000 + i, "b-" + i, "A-1", 4000)
                            .build()),
                    40L);
        }
        archive.outcomes.put("b-1", new Outcome(Outcome.Status.CONFIRMED, Optional.empty()));
        live.put(attempt("kim", 100, 200, 300, 1).ticket("t-live").build());

        History history = debriefs.history("kim", SECRET);
        // the live round first, then the archived ones, newest first
        assertThat(history.rounds()).isEqualTo(4);
        assertThat(history.won()).isEqualTo(1);
        assertThat(history.wonPercent()).isEqualTo(25.0);
        assertThat(history.attempts())
                .extracting(History.Entry::ticketId)
                .containsExactly("t-live", "t-1", "t-2", "t-3");
        assertThat(debriefs.history("kim", OTHER_SECRET).rounds()).isZero();

        debriefs.erase("kim", SECRET);

        assertThat(debriefs.history("kim", SECRET).attempts()).isEmpty();
        assertThat(debriefs.debrief(ROUND, "t-live", SECRET)).isEmpty();
    }

    @Test
    void anAttemptKeptInRedisOnlyIsListedInRoundOrderAmongTheArchivedOnes() {
        RoundId earlier = RoundId.startingAt(OPEN.minus(Duration.ofMinutes(2)));
        archive.save(List.of(attempt("kim", 100, 200, 300, 1).ticket("t-now").build()), 40L);
        live.put(attempt("kim", 100, 200, 300, 1)
                .round(earlier)
                .ticket("t-earlier")
                .build());

        assertThat(debriefs.history("kim", SECRET).attempts())
                .extracting(History.Entry::ticketId)
                .containsExactly("t-now", "t-earlier");
    }

    @Test
    void aTicketTheRoundClosedOnIsDebriefedFromAdmissionsRecordForTheFirstSecretThatAsks() {
        String ticket = admission.waiting(42, "kim", false, 4200);
        time.set(OPEN.plusSeconds(14)); // still open: the ticket may yet be admitted
        assertThat(debriefs.debrief(ROUND, ticket, SECRET)).isEmpty();
        time.set(OPEN.plusSeconds(20));

        Debrief debrief = debriefs.debrief(ROUND, ticket, SECRET).orElseThrow();

        assertThat(debrief.outcome()).isEqualTo(Outcome.Status.NOT_ADMITTED);
        assertThat(debrief.nickname()).isEqualTo("kim");
        assertThat(debrief.queue()).isEqualTo(new Debrief.Queue(42, 480L));
        assertThat(debrief.timeline())
                .extracting(Debrief.TimelineStep::step)
                .containsExactly(Debrief.Kind.OPEN, Debrief.Kind.ENTERED, Debrief.Kind.CLOSED);
        assertThat(debrief.notAdmitted()).isEqualTo(new Debrief.NotAdmitted(30, 12, 4200, 900L, 28));
        assertThat(debrief.totalMs()).isNull();
        // the first secret bound it
        assertThat(debriefs.debrief(ROUND, ticket, OTHER_SECRET)).isEmpty();
        assertThat(debriefs.debrief(ROUND, ticket, SECRET)).isPresent();
    }

    @Test
    void aTicketAdmittedThatBookingNeverSawIsDebriefedAsAdmittedWithoutASeat() {
        String ticket = admission.waiting(20, "lee", false, 1000);
        time.set(OPEN.plusSeconds(14)); // still open: the player may still call
        assertThat(debriefs.debrief(ROUND, ticket, SECRET)).isEmpty();
        time.set(OPEN.plusSeconds(16));

        Debrief debrief = debriefs.debrief(ROUND, ticket, SECRET).orElseThrow();

        assertThat(debrief.outcome()).isEqualTo(Outcome.Status.NO_SEAT);
        assertThat(debrief.timeline())
                .extracting(Debrief.TimelineStep::step)
                .containsExactly(Debrief.Kind.OPEN, Debrief.Kind.ENTERED, Debrief.Kind.ADMITTED, Debrief.Kind.CLOSED);
        assertThat(debrief.timeline().get(2).atMs()).isEqualTo(14_000);
        assertThat(debrief.timeline().get(3).stillOn()).isEqualTo("letter");
        assertThat(debrief.notAdmitted()).isNull();
        assertThat(debriefs.debrief(ROUND, ticket, OTHER_SECRET)).isEmpty();
        assertThat(debriefs.history("lee", SECRET).rounds()).isEqualTo(1);
        assertThat(debriefs.history("lee", SECRET).won()).isZero();
    }

    @Test
    void noDebriefForAForgedSealABotOrACounterShortOfTheClose() {
        time.set(OPEN.plusSeconds(20));
        admission.waiting(42, "kim", false, 4200);
        String bot = admission.waiting(43, "bot-1", true, 4300);

        assertThat(debriefs.debrief(ROUND, ROUND.value() + "-42-" + "0".repeat(24), SECRET))
                .isEmpty();
        assertThat(debriefs.debrief(ROUND, bot, SECRET)).isEmpty();
        assertThat(debriefs.debrief(ROUND, ROUND.value() + "-44-" + Admission.seal(44), SECRET))
                .isEmpty();
        admission.advancedUntil = OPEN.plusSeconds(14);
        assertThat(debriefs.debrief(ROUND, admission.waiting(45, "park", false, 5000), SECRET))
                .isEmpty();
        assertThat(live.attempts).isEmpty();
    }

    @Test
    void aNeverAdmittedAttemptIsInTheHistoryOnceBeforeAndAfterTheArchiveAndErasingKeepsItErased() {
        time.set(OPEN.plusSeconds(20));
        String ticket = admission.waiting(42, "kim", false, 4200);
        debriefs.debrief(ROUND, ticket, SECRET).orElseThrow();

        History live = debriefs.history("kim", SECRET);
        assertThat(live.rounds()).isEqualTo(1);
        assertThat(live.won()).isZero();
        assertThat(live.attempts()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.Status.NOT_ADMITTED);
            assertThat(entry.steps().entryMs()).isEqualTo(4200);
        });
        assertThat(live.bests().entryMs()).isEqualTo(4200);

        time.set(clock.round(ROUND).closesAt().plusSeconds(10));
        archiver.archive();
        assertThat(archive.rows).hasSize(1);
        assertThat(debriefs.history("kim", SECRET).attempts()).hasSize(1);
        assertThat(debriefs.history("kim", SECRET).rounds()).isEqualTo(1);

        debriefs.erase("kim", SECRET);
        assertThat(debriefs.history("kim", SECRET).attempts()).isEmpty();
        assertThat(debriefs.debrief(ROUND, ticket, SECRET)).isEmpty();
    }

    @Test
    void aTicketBoundAfterItsRoundWasArchivedIsArchivedByItself() {
        time.set(clock.round(ROUND).closesAt().plusSeconds(10));
        archiver.archive(); // nobody recorded: the round is archived empty
        String ticket = admission.waiting(42, "kim", false, 4200);

        debriefs.debrief(ROUND, ticket, SECRET).orElseThrow();

        assertThat(archive.rows).containsOnlyKeys(ROUND + "/" + ticket);
    }

    /** Redis's rules: a bound attempt per ticket, one claim per round until it runs out or is done. */
    static final class Live implements LiveAttempts {

        final Map<String, Attempt> attempts = new HashMap<>();
        final Set<String> erased = new HashSet<>();
        final Set<RoundId> claims = new HashSet<>();
        RoundId unreadable;

        void put(Attempt attempt) {
            attempts.put(attempt.round() + "/" + attempt.ticketId(), attempt);
        }

        @Override
        public void record(RoundId round, Entrant entrant, Event event, Duration retention) {
            throw new UnsupportedOperationException("not read here");
        }

        @Override
        public Optional<PlayerId> bindFromAdmission(Attempt attempt, Duration retention) {
            String key = attempt.round() + "/" + attempt.ticketId();
            if (erased.contains(key)) {
                return Optional.empty();
            }
            return Optional.of(attempts.computeIfAbsent(key, k -> attempt).playerId());
        }

        @Override
        public List<Attempt> ofPlayer(List<RoundId> rounds, PlayerId player) {
            return attempts.values().stream()
                    .filter(a -> rounds.contains(a.round()) && a.playerId().sameAs(player))
                    .toList();
        }

        @Override
        public boolean archiveStarted(RoundId round) {
            return claims.contains(round);
        }

        @Override
        public Optional<Attempt> find(RoundId round, String ticketId) {
            return Optional.ofNullable(attempts.get(round + "/" + ticketId));
        }

        @Override
        public List<Attempt> ofRound(RoundId round) {
            if (round.equals(unreadable)) {
                throw new IllegalStateException("a round that cannot be read");
            }
            return attempts.values().stream()
                    .filter(a -> a.round().equals(round))
                    .toList();
        }

        @Override
        public Optional<Long> entered(RoundId round) {
            return Optional.of(480L);
        }

        @Override
        public boolean claimArchive(RoundId round, Duration lease) {
            return claims.add(round);
        }

        @Override
        public void archived(RoundId round, Duration retention) {
            claims.add(round);
        }

        @Override
        public void erase(RoundId round, PlayerId player) {
            attempts.values().stream()
                    .filter(a -> a.round().equals(round) && a.playerId().sameAs(player))
                    .forEach(a -> erased.add(round + "/" + a.ticketId()));
            attempts.values()
                    .removeIf(a -> a.round().equals(round) && a.playerId().sameAs(player));
        }
    }

    /** MySQL's rules: upsert by round and ticket, outcomes from the bookings (PENDING without a row). */
    static final class Archive implements ArchivedAttempts {

        final Map<String, AttemptResult> rows = new HashMap<>();
        final Map<String, Outcome> outcomes = new HashMap<>();
        int saves;
        boolean down;
        /** Reads fail (writes as {@link #down} says). */
        boolean readsDown;

        @Override
        public void save(List<Attempt> attempts, Long entered) {
            if (down) {
                throw new IllegalStateException("MySQL down");
            }
            saves++;
            attempts.forEach(a -> rows.put(a.round() + "/" + a.ticketId(), new AttemptResult(a, entered, null)));
        }

        private AttemptResult withOutcome(AttemptResult row) {
            return new AttemptResult(
                    row.attempt(),
                    row.entered(),
                    row.attempt().booked().map(b -> outcomeOf(b.bookingId())).orElse(Outcome.NO_SEAT));
        }

        @Override
        public Optional<AttemptResult> find(RoundId round, String ticketId) {
            if (readsDown) {
                throw new IllegalStateException("MySQL down");
            }
            return Optional.ofNullable(rows.get(round + "/" + ticketId)).map(this::withOutcome);
        }

        @Override
        public List<AttemptResult> ofRound(RoundId round) {
            return rows.values().stream()
                    .filter(r -> r.attempt().round().equals(round))
                    .map(this::withOutcome)
                    .toList();
        }

        @Override
        public Outcome outcomeOf(BookingId bookingId) {
            if (readsDown) {
                throw new IllegalStateException("MySQL down");
            }
            return outcomes.getOrDefault(bookingId.value(), Outcome.PENDING);
        }

        private List<AttemptResult> of(PlayerId player) {
            return rows.values().stream()
                    .filter(r -> r.attempt().playerId().sameAs(player))
                    .map(this::withOutcome)
                    .sorted(Comparator.comparing(
                                    (AttemptResult r) -> r.attempt().round())
                            .reversed())
                    .toList();
        }

        @Override
        public List<AttemptResult> ofPlayer(PlayerId player, int limit) {
            return of(player).stream().limit(limit).toList();
        }

        @Override
        public History.Totals totals(PlayerId player) {
            List<AttemptResult> all = of(player);
            return new History.Totals(
                    all.size(), all.stream().filter(r -> r.outcome().won()).count(), History.Bests.NONE);
        }

        @Override
        public Optional<Debrief.PersonalBest> personalBest(PlayerId player, RoundId before) {
            if (readsDown) {
                throw new IllegalStateException("MySQL down");
            }
            List<Debrief.PersonalBest> won = new ArrayList<>();
            for (AttemptResult r : of(player)) {
                Instant open = r.attempt().round().start();
                if (r.outcome().won() && (before == null || r.attempt().round().compareTo(before) < 0)) {
                    won.add(new Debrief.PersonalBest(
                            r.attempt().round().value(),
                            Steps.totalMs(r.attempt(), open),
                            Steps.of(r.attempt(), open)));
                }
            }
            return won.stream().min(Comparator.comparingLong(Debrief.PersonalBest::totalMs));
        }

        @Override
        public int erase(PlayerId player) {
            int before = rows.size();
            rows.values().removeIf(r -> r.attempt().playerId().sameAs(player));
            return before - rows.size();
        }
    }

    /**
     * Admission's record of {@link DebriefAssemblyTests#ROUND}: 30 served (two of them bots) by a counter that ran to
     * the close; the last admitted human (number 30) entered 900 ms after the open.
     */
    static final class Admission implements AdmissionRecords {

        static final String SEAL = "0123456789abcdef0123456789abcdef";

        final Map<Long, WaitingTicket> tickets = new HashMap<>();
        Instant advancedUntil = OPEN.plusSeconds(15);

        static String seal(long queueNumber) {
            return TicketSeals.seal(SEAL, ROUND.value(), queueNumber);
        }

        /** Enters ticket {@code queueNumber}, {@code enteredMs} after the open; its sealed id. */
        String waiting(long queueNumber, String nickname, boolean bot, long enteredMs) {
            tickets.put(queueNumber, new WaitingTicket(queueNumber, OPEN.plusMillis(enteredMs), bot, nickname));
            return ROUND.value() + "-" + queueNumber + "-" + seal(queueNumber);
        }

        @Override
        public Optional<Record> ticket(RoundId round, long queueNumber) {
            return Optional.ofNullable(tickets.get(queueNumber))
                    .map(ticket -> new Record(
                            SEAL,
                            ticket,
                            Optional.of(OPEN.plusSeconds(14)).filter(at -> queueNumber <= 30),
                            30,
                            advancedUntil,
                            2,
                            Optional.of(OPEN.plusMillis(900))));
        }
    }
}
