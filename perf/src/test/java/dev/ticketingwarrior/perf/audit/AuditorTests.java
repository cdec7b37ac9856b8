package dev.ticketingwarrior.perf.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketingwarrior.edge.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditorTests {

    private static final String ROUND = "20261124T101500Z";
    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");
    private static final RoundWindow WINDOW = new RoundWindow(ROUND, OPEN, OPEN.plusSeconds(15));
    private static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final SteppedClock clock = new SteppedClock(OPEN.plusSeconds(20));
    private final Fakes.Ledger ledger = new Fakes.Ledger();
    private final Fakes.Redis redis = new Fakes.Redis();
    private final Fakes.Queues queues = new Fakes.Queues();
    private final List<AcceptedBooking> accepted = new ArrayList<>();
    private final List<AdmissionSample> samples = new ArrayList<>();

    /** A round as it should end: two players confirmed, one rejected (lost the seat), one bot, admission in bounds. */
    private void cleanRound() {
        accept("b1", "A-1", "CONFIRMED");
        accept("b2", "A-2", "CONFIRMED");
        accept("b3", "A-3", "REJECTED");
        ledger.confirm(ROUND, row("b1", "A-1", 1_000, 150))
                .confirm(ROUND, row("b2", "A-2", 2_000, 300))
                .confirm(ROUND, botRow("bot1", "B-1", 1_500, 90))
                .confirm(ROUND, row("b4", "A-3", 1_200, 100))
                .reject(ROUND, row("b3", "A-3", 1_300, 120));
        redis.sell(ROUND, "A-1", "b1")
                .sell(ROUND, "A-2", "b2")
                .sellToBot(ROUND, "B-1", "bot1")
                .sell(ROUND, "A-3", "b4");
        // booking keeps a copy of each booking 15 minutes after its row
        redis.pending.get(ROUND).addAll(List.of("b1", "b2", "bot1", "b4", "b3"));
        redis.serving.put(ROUND, new AdmissionLog.Serving(10, 5, 0, false));
        List<Long> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(OPEN.toEpochMilli());
        }
        for (int i = 1; i <= 50; i++) {
            admitted.add(OPEN.toEpochMilli() + 100L * i); // exactly the rate: one every 100 ms
        }
        redis.admitted.put(ROUND, admitted);
        samples.add(new AdmissionSample(ROUND, OPEN.plusSeconds(5), 40, 8, 10));
    }

    @Test
    void reportsACleanRoundAsClean() {
        cleanRound();

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.clean()).isTrue();
        assertThat(verdict.accepted()).isEqualTo(3);
        assertThat(verdict.confirmed()).isEqualTo(2);
        assertThat(verdict.rejected()).isEqualTo(1);
        assertThat(verdict.lost()).hasValue(0);
        assertThat(verdict.bots()).contains(new BotBookings(1, 0, 0));
        assertThat(verdict.oversold()).isZero();
        assertThat(verdict.dlq()).isZero();
        assertThat(verdict.seatsSold()).isEqualTo(4);
        assertThat(verdict.confirmationLagMs()).isEqualTo(new Percentiles(4, 100, 300, 300, 300));
        assertThat(verdict.sellOut())
                .containsExactly(
                        new long[] {1_000, 1}, new long[] {1_200, 2}, new long[] {1_500, 3}, new long[] {2_000, 4});
        assertThat(verdict.settled())
                .as("every row of both tables, booked and settled, in booked order")
                .containsExactly(
                        new long[] {1_000, 1_150},
                        new long[] {1_200, 1_300},
                        new long[] {1_300, 1_420},
                        new long[] {1_500, 1_590},
                        new long[] {2_000, 2_300});
        assertThat(verdict.skipped()).isEmpty();
        assertThat(clock.instant()).as("nothing to wait for").isEqualTo(OPEN.plusSeconds(20));
    }

    @Test
    void saysSoWhenARoundHadNoMaxActiveToCheck() {
        cleanRound();
        samples.clear();
        samples.add(new AdmissionSample(ROUND, OPEN.plusSeconds(5), 40, 30, 0)); // maxActive 0: no cap

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.skipped()).anySatisfy(line -> assertThat(line).contains("no maxActive", "not checked"));
    }

    @Test
    void saysSoWhenRedisLostTheCopiesTheBotsLostBookingsAreFoundBy() {
        cleanRound();
        redis.pending.get(ROUND).clear(); // Redis restarted empty after the round's bookings were written

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.skipped())
                .anySatisfy(line -> assertThat(line).contains("5 of the 5 rows", "no pending copy"));
    }

    @Test
    void catchesALostBooking() {
        cleanRound();
        accept("b5", "A-5", "PENDING");
        redis.sell(ROUND, "A-5", "b5");

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.lost()).hasValue(1);
        assertThat(verdict.violations())
                .extracting(Violation::invariant)
                .containsExactly("lost", "sold-without-booking");
        assertThat(verdict.violations().getFirst().detail())
                .contains("b5", "seat A-5", "neither bookings nor rejected_bookings", "PENDING");
        assertThat(clock.instant())
                .as("waited the whole drain timeout")
                .isEqualTo(OPEN.plusSeconds(20).plus(DRAIN));
        assertThat(verdict.skipped()).anySatisfy(line -> assertThat(line).contains("not drained", "1 accepted"));
    }

    @Test
    void countsTheBotsBookingsFromTheirRowsApartFromThePlayers() {
        cleanRound();
        ledger.reject(ROUND, botRow("bot2", "B-1", 1_600, 50)); // lost the seat to bot1
        redis.pending.get(ROUND).add("bot2");

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.bots()).contains(new BotBookings(1, 1, 0));
        assertThat(verdict.bots().orElseThrow().accepted()).isEqualTo(2);
        assertThat(verdict.accepted()).as("the journeys' 202s only").isEqualTo(3);
        assertThat(verdict.confirmed()).isEqualTo(2);
        assertThat(verdict.rejected()).isEqualTo(1);
    }

    /**
     * Booking keeps a pending copy of every booking it accepted: a bot's with no row after the drain is lost. Its seat
     * still SOLD in Redis is said in its lost line, not listed again as sold-without-booking, so a lost bot booking is
     * one violation (a player's lost 202 keeps both lines, as before: {@link #catchesALostBooking}).
     */
    @Test
    void judgesABotBookingWithAPendingCopyAndNoRowLostOnceNotAlsoSoldWithoutBooking() {
        cleanRound();
        redis.sellToBot(ROUND, "B-2", "bot2");
        Auditor auditor = auditor();

        RoundVerdict verdict = auditor.auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("lost");
            assertThat(v.detail())
                    .isEqualTo("booking bot2 (seat B-2, ticket t-bot2, bot) has a pending copy in Redis but is in"
                            + " neither bookings nor rejected_bookings after draining for 10.0 s; Redis has the seat"
                            + " SOLD to it");
        });
        assertThat(verdict.lost()).hasValue(1);
        assertThat(verdict.bots()).contains(new BotBookings(1, 0, 1));
        assertThat(verdict.bots().orElseThrow().accepted()).isEqualTo(2);
        assertThat(verdict.accepted()).isEqualTo(3);
        assertThat(verdict.skipped()).noneMatch(line -> line.contains("bot2"));
        assertThat(clock.instant())
                .as("waited the whole drain timeout for its row")
                .isEqualTo(OPEN.plusSeconds(20).plus(DRAIN));

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.lost()).hasValue(1);
        assertThat(end.bots()).contains(new BotBookings(1, 0, 1));
        assertThat(end.violations()).extracting(Violation::invariant).containsExactly("lost");
    }

    /**
     * A seat SOLD without a booking at the round's audit (its booking still on its way), released since with the
     * round's whole sold set: the end judges the round again, nothing sold and no set, so the round's finding goes.
     */
    @Test
    void acquitsASeatSoldWithoutBookingWhoseRoundEndsWithNothingSold() {
        redis.sold.computeIfAbsent(ROUND, r -> new java.util.HashMap<>()).put("F-1", "on-its-way");
        Auditor auditor = auditor();
        assertThat(auditor.auditRound(WINDOW, accepted, samples, DRAIN).violations())
                .extracting(Violation::invariant)
                .containsExactly("sold-without-booking");
        redis.sold.remove(ROUND);

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations()).isEmpty();
    }

    /** The SCAN for the pending copies failed: the bots' lost bookings are not known, and the verdict says so. */
    @Test
    void saysTheBotsLostBookingsWereNotCountedWhenThePendingCopiesCannotBeListed() {
        cleanRound();
        redis.sellToBot(ROUND, "B-2", "bot2"); // lost, but only its copy could say so
        redis.scanFailure = new SourceFailure("redis", new java.net.SocketTimeoutException("SCAN timed out"));

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations())
                .as("its seat, SOLD to a booking without a row whose copy was not read")
                .extracting(Violation::invariant)
                .containsExactly("sold-without-booking");
        assertThat(verdict.skipped())
                .contains("redis: not reachable (SocketTimeoutException: SCAN timed out): the pending copies without a"
                        + " row of round " + ROUND + " not read, the lost bookings only they show (bots', and"
                        + " players' whose journey never saw the 202) not counted");
    }

    /**
     * A player's booking whose journey never saw the 202 (its tries unanswered while booking was killed): booking
     * accepted it and keeps its copy, and in a soak every human is a journey, so nothing else counts it. With no row
     * after the drain it is lost, as a bot's is, once (its seat SOLD said in its line); the end keeps it lost when
     * Redis has lost its copy since.
     */
    @Test
    void judgesAPlayersBookingWhoseJourneyNeverSawThe202LostLikeABots() {
        cleanRound();
        redis.sell(ROUND, "C-9", "h9"); // a player's copy, its seat SOLD to it; no journey recorded its 202
        Auditor auditor = auditor();

        RoundVerdict verdict = auditor.auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("lost");
            assertThat(v.detail())
                    .isEqualTo("booking h9 (seat C-9, ticket t-h9) has a pending copy in Redis but is in neither"
                            + " bookings nor rejected_bookings after draining for 10.0 s; its journey never saw its"
                            + " 202 (its tries failed or went unanswered), so nobody was told of it; Redis has the"
                            + " seat SOLD to it");
        });
        assertThat(verdict.lost()).hasValue(1);
        assertThat(verdict.bots()).as("not a bot's").contains(new BotBookings(1, 0, 0));
        assertThat(verdict.accepted()).as("the journeys' 202s").isEqualTo(3);
        assertThat(verdict.skipped()).noneMatch(line -> line.contains("h9"));

        restartedRedisWithTheCleanRoundsSeatsRestored();
        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.lost()).hasValue(1);
        assertThat(end.bots()).contains(new BotBookings(1, 0, 0));
        assertThat(end.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.detail())
                        .startsWith("booking h9 (seat C-9, ticket t-h9) has a pending copy")
                        .contains("its journey never saw its 202")
                        .endsWith("(found by the round's audit; still no row at the end)"));
    }

    @Test
    void waitsForConfirmationsStillOnTheirWay() {
        cleanRound();
        ledger.visibleAfterReads.put("b2", 3);

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(ledger.reads).isEqualTo(4);
        assertThat(clock.instant()).isEqualTo(OPEN.plusSeconds(20).plusMillis(3 * Auditor.POLL_MS));
    }

    @Test
    void catchesAnOversoldSeat() {
        cleanRound();
        accept("b6", "A-1", "CONFIRMED"); // told CONFIRMED for the seat b1 has
        ledger.reject(ROUND, row("b6", "A-1", 1_100, 50));
        ledger.confirm(ROUND, row("b7", "C-1", 3_000, 40)).confirm(ROUND, row("b8", "C-1", 3_100, 40));
        redis.sell(ROUND, "C-1", "b7").pending.get(ROUND).addAll(List.of("b6", "b8"));

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.oversold()).isEqualTo(2);
        assertThat(verdict.violations())
                .filteredOn(v -> v.invariant().equals("oversold"))
                .extracting(Violation::detail)
                .containsExactly(
                        "seat A-1 sold 2 times: b1 (row in bookings); b6 (journey told CONFIRMED)",
                        "seat C-1 sold 2 times: b7 (row in bookings); b8 (row in bookings)");
        assertThat(verdict.violations()).extracting(Violation::invariant).contains("status-mismatch");
    }

    @Test
    void catchesADeadLetterOnceAndAgainAtTheEnd() {
        cleanRound();
        queues.deadLetters = 1;
        Auditor auditor = auditor();

        RoundVerdict first = auditor.auditRound(WINDOW, accepted, samples, DRAIN);
        RoundVerdict second = auditor.auditRound(WINDOW, accepted, samples, DRAIN);
        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(first.dlq()).isEqualTo(1);
        assertThat(first.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("dlq");
            assertThat(v.detail()).contains("booking-confirmations-dlq holds 1 messages");
        });
        assertThat(second.violations())
                .as("the same dead letter is not reported twice")
                .isEmpty();
        assertThat(second.dlq()).isEqualTo(1);
        assertThat(end.dlq()).isEqualTo(1);
        assertThat(end.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("dlq");
            assertThat(v.roundId()).isEqualTo(Violation.NO_ROUND);
        });
    }

    @Test
    void catchesAKeyWithoutTtlOfAFinishedRound() {
        cleanRound();
        redis.persistentKeys.addAll(List.of(
                "{r:20261124T101400Z}:hold:h1", // ended 10:15:00, before now
                "redisson_lock_token:{r:20261124T101400Z}:seat-lock:A-1",
                "{r:20261124T101500Z}:sold", // this round ends 10:16:00: may still lack one
                "{r:not-a-round}:x"));

        FinalVerdict end = auditor().auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations())
                .extracting(Violation::invariant, Violation::roundId)
                .containsOnly(tuple("no-ttl", "20261124T101400Z"));
        assertThat(end.violations())
                .extracting(Violation::detail)
                .anySatisfy(d -> assertThat(d).startsWith("{r:20261124T101400Z}:hold:h1 has no TTL"))
                .anySatisfy(d -> assertThat(d).startsWith("redisson_lock_token:{r:20261124T101400Z}:seat-lock:A-1"));
    }

    @Test
    void catchesAnAdmissionAboveTheRate() {
        cleanRound();
        // 20 more tickets at +1 s: the rate allows 5 + 10 + 1 = 16 by then, 5 + 10 = 15 were already in
        List<Long> admitted = new ArrayList<>(redis.admitted.get(ROUND));
        for (int i = 0; i < 20; i++) {
            admitted.add(OPEN.toEpochMilli() + 1_000);
        }
        redis.admitted.put(ROUND, admitted);

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("admission-rate");
            assertThat(v.detail())
                    .startsWith("35 tickets admitted by 2026-11-24T10:15:01Z (+1000 ms after the open),"
                            + " at most 16 allowed (openBatch 5 + 10/s since the open + 1)");
        });
    }

    /**
     * Valkey lost the round and admission started it over: its own records look clean, but the players hold more
     * tokens than the rate allows, and their adm claims say so.
     */
    @Test
    void catchesMorePlayersTokensThanTheRateAllowsWhenAdmissionsRecordsLookClean() {
        cleanRound();
        List<Long> tokens = new ArrayList<>(redis.admitted.get(ROUND)); // the ones admission remembers…
        for (int i = 0; i < 12; i++) {
            tokens.add(OPEN.toEpochMilli() + 500); // …and 12 it forgot: 22 by +0.5 s, where 5 + 5 + 1 = 11 may be
        }
        Auditor auditor = auditor();
        auditor.hearPlayers(round -> round.equals(ROUND) ? tokens : List.of());

        RoundVerdict verdict = auditor.auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("admission-rate");
            assertThat(v.detail()).contains("players' tokens admitted by", "as the journeys' own tokens say");
        });
        auditor.hearPlayers(round -> List.copyOf(redis.admitted.get(ROUND)));
        assertThat(auditor.auditRound(WINDOW, accepted, samples, DRAIN).violations())
                .as("the same tokens admission remembers: nothing over")
                .isEmpty();
    }

    @Test
    void catchesMoreActivePlayersThanMaxActive() {
        cleanRound();
        samples.add(new AdmissionSample(ROUND, OPEN.plusSeconds(6), 50, 12, 10));
        samples.add(new AdmissionSample("20261124T101400Z", OPEN, 50, 99, 10)); // another round's: not this one's

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("max-active");
            assertThat(v.detail()).contains("1 of 2 stats samples", "active 12 > maxActive 10");
        });
    }

    @Test
    void catchesARedisMysqlMismatch() {
        cleanRound();
        redis.sold.get(ROUND).put("A-2", "someone-else"); // the table says b2
        redis.sold.get(ROUND).remove("B-1"); // the table has bot1, Redis does not have the seat sold
        redis.sold.get(ROUND).put("D-1", "b3"); // MySQL rejected b3: Redis must not keep a seat sold to it
        // no row anywhere, and no pending copy: whose booking, and whether accepted, is not known
        redis.sold.get(ROUND).put("F-1", "nowhere");

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations())
                .extracting(Violation::invariant, Violation::detail)
                .containsExactly(
                        tuple(
                                "redis-mysql-mismatch",
                                "seat A-2: Redis sold it to someone-else, the bookings table to b2"),
                        tuple(
                                "redis-mysql-mismatch",
                                "seat D-1: Redis sold it to b3, which MySQL rejected, and no row in bookings holds the seat"),
                        tuple(
                                "redis-mysql-mismatch",
                                "seat B-1: the bookings table has bot1, Redis does not have the seat SOLD"),
                        tuple(
                                "sold-without-booking",
                                "seat F-1 is SOLD in Redis to nowhere, but neither bookings nor rejected_bookings has"
                                        + " that booking or a booking of the seat"));
    }

    @Test
    void catchesABookingBothConfirmedAndRejected() {
        cleanRound();
        ledger.reject(ROUND, row("b1", "A-1", 1_000, 200));

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).extracting(Violation::invariant).containsExactly("confirmed-and-rejected");
    }

    @Test
    void catchesAJourneyToldTheOppositeOfTheDatabase() {
        accept("b1", "A-1", "REJECTED");
        ledger.confirm(ROUND, row("b1", "A-1", 1_000, 150));
        redis.sell(ROUND, "A-1", "b1");

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations())
                .filteredOn(v -> v.invariant().equals("status-mismatch"))
                .singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("told REJECTED, MySQL confirmed it"));
    }

    @Test
    void skipsWhatIsNotConfiguredWithoutFailing() {
        cleanRound();
        Auditor auditor = new Auditor(
                new Auditor.Sources(
                        Reading.unavailable("mysql: not configured"),
                        Reading.unavailable("redis: not configured"),
                        Reading.unavailable("redis: not configured"),
                        Reading.unavailable("redis: not configured"),
                        Reading.unavailable("sqs: not configured")),
                PERIOD,
                clock,
                clock::advance,
                List.of(),
                Set.of());

        RoundVerdict verdict = auditor.auditRound(WINDOW, accepted, samples, DRAIN);
        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.confirmed()).as("from the journeys' polls").isEqualTo(2);
        assertThat(verdict.rejected()).isEqualTo(1);
        assertThat(verdict.bots())
                .as("bots' bookings are known only from MySQL")
                .isEmpty();
        assertThat(end.bots()).isEmpty();
        assertThat(verdict.dlq()).isEqualTo(-1);
        assertThat(verdict.skipped())
                .anySatisfy(line -> assertThat(line).startsWith("mysql: not configured"))
                .anySatisfy(line -> assertThat(line).startsWith("redis: not configured"))
                .anySatisfy(line -> assertThat(line).isEqualTo("sqs: not configured: DLQ not checked"));
        assertThat(clock.instant()).as("no database: nothing to wait for").isEqualTo(OPEN.plusSeconds(20));
        assertThat(end.skipped()).contains("redis: not configured: key TTLs not checked");
    }

    @Test
    void skipsAnUnreachableSourceAfterTryingUntilTheDrainTimeout() {
        cleanRound();
        ledger.failure = new SourceFailure("mysql", new java.net.ConnectException("Connection refused"));

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.skipped())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("mysql: not reachable (ConnectException: Connection refused): round " + ROUND
                                + " not drained"));
        assertThat(clock.instant()).isEqualTo(OPEN.plusSeconds(20).plus(DRAIN));
    }

    /**
     * A local run set MySQL up itself, and the final audit cannot read it: whether a booking was lost is not known, so
     * the run cannot pass, and lost is unknown rather than 0.
     */
    @Test
    void failsTheEndWhenMysqlTheRunSetUpCannotBeReadAndLeavesLostUnknown() {
        cleanRound();
        Auditor auditor = auditor(Set.of("mysql", "redis", "sqs"));
        assertThat(auditor.auditRound(WINDOW, accepted, samples, DRAIN).lost()).hasValue(0);
        ledger.failure = new SourceFailure("mysql", new java.net.ConnectException("Connection refused"));

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.clean()).isFalse();
        assertThat(end.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("unreadable-source");
            assertThat(v.roundId()).isEqualTo(Violation.NO_ROUND);
            assertThat(v.detail())
                    .startsWith("mysql: not reachable (ConnectException: Connection refused) at the final audit")
                    .contains("round " + ROUND + " not judged against it (lost unknown)");
        });
        assertThat(end.lost()).isEmpty();
        assertThat(end.rounds())
                .singleElement()
                .satisfies(round -> assertThat(round.lost()).isEmpty());
    }

    @Test
    void failsTheEndWhenRedisOrSqsTheRunSetUpCannotBeRead() {
        cleanRound();
        redis.failure = new SourceFailure("redis", new java.net.ConnectException("Connection refused"));
        queues.failure = new SourceFailure("sqs", new java.net.ConnectException("Connection refused"));

        FinalVerdict end = auditor(Set.of("mysql", "redis", "sqs")).auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations())
                .extracting(Violation::invariant, Violation::detail)
                .containsExactly(
                        tuple(
                                "unreadable-source",
                                "redis: not reachable (ConnectException: Connection refused) at the final audit,"
                                        + " though this run set redis up itself: round " + ROUND + ", the keys' TTLs"
                                        + " not judged against it; the notes say which checks"),
                        tuple(
                                "unreadable-source",
                                "sqs: not reachable (ConnectException: Connection refused) at the final audit,"
                                        + " though this run set sqs up itself: the DLQ not judged against it; the"
                                        + " notes say which checks"));
        assertThat(end.lost()).as("MySQL was read").isPresent();
    }

    /** Against a deployment (--target) the auditor reads what it can reach: what it cannot is a note, not a failure. */
    @Test
    void leavesASourceTheRunDidNotSetUpAmongTheSkippedChecksAtTheEnd() {
        cleanRound();
        ledger.failure = new SourceFailure("mysql", new java.net.ConnectException("Connection refused"));

        FinalVerdict end = auditor().auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations()).isEmpty();
        assertThat(end.lost()).as("not counted, so not known").isEmpty();
        assertThat(end.skipped())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("mysql: not reachable (ConnectException: Connection refused): round " + ROUND));
    }

    /**
     * Booking keeps {r:id}:sold 10 minutes after the round's end (its restorer writes it back with the same TTL): a
     * hash gone before that while MySQL has confirmed rows is Redis that lost the round (restarted empty) and a
     * restorer that did not put it back, every confirmed seat a Redis/MySQL mismatch.
     */
    @Test
    void catchesARoundWhoseSoldSeatsRedisLostWhileBookingStillKeepsThem() {
        cleanRound();
        redis.sold.remove(ROUND);
        clock.set(OPEN.plus(PERIOD).plus(Duration.ofMinutes(8)));

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations())
                .extracting(Violation::invariant)
                .containsExactly(
                        "redis-mysql-mismatch", "redis-mysql-mismatch", "redis-mysql-mismatch", "redis-mysql-mismatch");
        assertThat(verdict.violations().getFirst().detail())
                .isEqualTo("seat A-1: the bookings table has b1, Redis does not have the seat SOLD ({r:" + ROUND
                        + "}:sold is gone, while booking restores it until 10 min after the round's end)");
        assertThat(verdict.violations())
                .extracting(v -> v.detail().substring(0, 9))
                .containsExactly("seat A-1:", "seat A-2:", "seat A-3:", "seat B-1:");
        assertThat(verdict.skipped()).noneMatch(line -> line.contains("}:sold is gone"));
    }

    /** Past booking's retention the hash has expired as it should: nothing to compare, and the verdict says so. */
    @Test
    void notesThatTheSoldSeatsAreGone() {
        cleanRound();
        redis.sold.remove(ROUND);
        clock.set(OPEN.plus(PERIOD).plus(Judge.SOLD_KEPT));

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, DRAIN);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.skipped())
                .contains("redis: {r:" + ROUND + "}:sold is gone, past the 10 min after the round's end in which"
                        + " booking restores it; Redis/MySQL agreement of round " + ROUND + " not checked");
    }

    @Test
    void givesTheLastAcknowledgementsAMomentBeforeNotingMessagesInFlight() {
        cleanRound();
        queues.backlog = 9;
        queues.emptyAfterReads = 2;

        FinalVerdict end = auditor().auditEnd(List.of(WINDOW), accepted, Duration.ZERO);

        assertThat(end.skipped()).noneMatch(line -> line.contains("still holds"));
        assertThat(clock.instant()).isEqualTo(OPEN.plusSeconds(20).plusMillis(2 * Auditor.POLL_MS));
    }

    /** Found by a review: the reassurance was said next to a MySQL the final audit could not read. */
    @Test
    void saysWhatTheBacklogIsOnlyWhereEveryRoundsBookingsWereFound() {
        cleanRound();
        queues.backlog = 4;
        ledger.failure = new SourceFailure("mysql", new java.net.ConnectException("Connection refused"));

        FinalVerdict end = auditor().auditEnd(List.of(WINDOW), accepted, Duration.ZERO);

        assertThat(end.skipped())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("sqs: booking-confirmations still holds 4 messages")
                        .doesNotContain("every accepted booking has its row"));
    }

    @Test
    void notesMessagesStillInFlightOnceTheMomentIsOver() {
        cleanRound();
        queues.backlog = 4;

        FinalVerdict end = auditor().auditEnd(List.of(WINDOW), accepted, Duration.ZERO);

        assertThat(end.skipped())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("sqs: booking-confirmations still holds 4 messages (0 visible, 4 in flight, 0"
                                + " delayed) at the end; every accepted booking has its row, so what is left are copies"
                                + " of written ones"));
        assertThat(clock.instant()).isEqualTo(OPEN.plusSeconds(20).plus(Auditor.ACK_SETTLE));
    }

    @Test
    void judgesEveryRoundAgainAtTheEndWithItsSamples() {
        cleanRound();
        samples.add(new AdmissionSample(ROUND, OPEN.plusSeconds(6), 50, 12, 10));
        Auditor auditor = auditor();
        auditor.auditRound(WINDOW, accepted, samples, Duration.ZERO);
        accept("b5", "A-5", "CONFIRMED");
        ledger.confirm(ROUND, row("b5", "A-5", 4_000, 2_000));
        redis.sell(ROUND, "A-5", "b5");

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.rounds()).singleElement().satisfies(round -> {
            assertThat(round.accepted()).isEqualTo(4);
            assertThat(round.confirmed()).isEqualTo(3);
            assertThat(round.seatsSold()).isEqualTo(5);
        });
        assertThat(end.accepted()).isEqualTo(4);
        assertThat(end.lost()).hasValue(0);
        assertThat(end.violations()).extracting(Violation::invariant).containsExactly("max-active");
    }

    /** A booking still on its way at the round's audit and written since: the end's verdict acquits it. */
    @Test
    void acquitsAtTheEndABookingLostAtTheRoundsAuditThatHasItsRowSince() {
        cleanRound();
        accept("b5", "A-5", "PENDING");
        redis.sell(ROUND, "A-5", "b5");
        Auditor auditor = auditor();
        assertThat(auditor.auditRound(WINDOW, accepted, samples, DRAIN).violations())
                .extracting(Violation::invariant)
                .containsExactly("lost", "sold-without-booking");
        ledger.confirm(ROUND, row("b5", "A-5", 4_000, 60_000));

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations()).isEmpty();
        assertThat(end.lost()).hasValue(0);
    }

    /**
     * Admission's records of a round ({r:id}:serve, :adm) expire 10 minutes after it: the end cannot judge its
     * admission rate again, and an admission over the rate found after the close stays found.
     */
    @Test
    void keepsAViolationTheRoundsAuditFoundWhenItsEvidenceIsGoneAtTheEnd() {
        cleanRound();
        List<Long> admitted = new ArrayList<>(redis.admitted.get(ROUND));
        for (int i = 0; i < 20; i++) {
            admitted.add(OPEN.toEpochMilli() + 1_000);
        }
        redis.admitted.put(ROUND, admitted);
        redis.sold.get(ROUND).put("F-1", "nowhere");
        Auditor auditor = auditor();
        assertThat(auditor.auditRound(WINDOW, accepted, samples, DRAIN).violations())
                .extracting(Violation::invariant)
                .containsExactly("sold-without-booking", "admission-rate");
        redis.serving.remove(ROUND); // expired, 10 minutes after the round
        redis.admitted.remove(ROUND);
        redis.sold.remove(ROUND); // expired too
        clock.set(OPEN.plus(PERIOD).plus(Duration.ofMinutes(10)));

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.clean()).isFalse();
        assertThat(end.violations())
                .extracting(Violation::invariant)
                .containsExactly("sold-without-booking", "admission-rate");
        assertThat(end.violations())
                .allSatisfy(v -> assertThat(v.detail())
                        .endsWith("(found by the round's audit; the final audit could not judge it again)"));
        assertThat(end.rounds().getFirst().violations()).isEqualTo(end.violations());
        assertThat(end.skipped()).anySatisfy(line -> assertThat(line).contains("}:serve is gone"));
    }

    /** MySQL not readable at the end (a deployment's, not the run's): the lost booking of the round's audit stays. */
    @Test
    void keepsALostBookingOfTheRoundsAuditWhenTheEndCannotReadMysql() {
        cleanRound();
        accept("b5", "A-5", "PENDING");
        Auditor auditor = auditor();
        auditor.auditRound(WINDOW, accepted, samples, DRAIN);
        ledger.failure = new SourceFailure("mysql", new java.net.ConnectException("Connection refused"));

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("lost");
            assertThat(v.detail()).contains("booking b5", "the final audit could not judge it again");
        });
        assertThat(end.lost()).as("unknown: MySQL not read").isEmpty();
    }

    /**
     * Redis restarted empty after the round's audit: the lost bot booking's pending copy, how the end finds a bot's,
     * is gone. With no row in MySQL, it is still lost.
     */
    @Test
    void keepsABotsLostBookingWhoseCopyRedisLostAfterTheRoundsAudit() {
        cleanRound();
        redis.sellToBot(ROUND, "B-2", "bot2");
        Auditor auditor = auditor();
        assertThat(auditor.auditRound(WINDOW, accepted, samples, DRAIN).lost()).hasValue(1);
        restartedRedisWithTheCleanRoundsSeatsRestored();

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("lost");
            assertThat(v.detail())
                    .startsWith("booking bot2 (seat B-2, ticket t-bot2, bot) has a pending copy")
                    .endsWith("(found by the round's audit; still no row at the end)");
        });
        assertThat(end.lost()).hasValue(1);
        assertThat(end.bots()).contains(new BotBookings(1, 0, 1));
    }

    /** A dead letter the round's audit saw is a violation even if the DLQ no longer holds it (redriven, lost). */
    @Test
    void keepsADeadLetterTheRoundsAuditSawThatTheEndNoLongerSees() {
        cleanRound();
        queues.deadLetters = 1;
        Auditor auditor = auditor();
        auditor.auditRound(WINDOW, accepted, samples, DRAIN);
        queues.deadLetters = 0;

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW), accepted, DRAIN);

        assertThat(end.dlq()).isZero();
        assertThat(end.violations()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("dlq");
            assertThat(v.roundId()).isEqualTo(ROUND);
            assertThat(v.detail()).endsWith("(found by the round's audit; the DLQ held 0 at the end)");
        });
        queues.failure = new SourceFailure("sqs", new java.net.ConnectException("Connection refused"));
        assertThat(auditor.auditEnd(List.of(WINDOW), accepted, DRAIN).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.detail()).endsWith("the final audit could not read the DLQ)"));
    }

    /** Redriven between two rounds' audits: the second round's audit and the end see none, the first one's stands. */
    @Test
    void keepsADeadLetterRedrivenBeforeTheNextRoundsAudit() {
        cleanRound();
        queues.deadLetters = 1;
        Auditor auditor = auditor();
        auditor.auditRound(WINDOW, accepted, samples, DRAIN);
        queues.deadLetters = 0;
        RoundWindow next = new RoundWindow("20261124T101520Z", OPEN.plusSeconds(20), OPEN.plusSeconds(35));
        auditor.auditRound(next, accepted, samples, DRAIN);

        FinalVerdict end = auditor.auditEnd(List.of(WINDOW, next), accepted, DRAIN);

        assertThat(end.violations())
                .singleElement()
                .satisfies(v ->
                        assertThat(v.detail()).endsWith("(found by the round's audit; the DLQ held 0 at the end)"));
    }

    @Test
    void listsAtMostAFewViolationsPerInvariantAndRound() {
        for (int i = 0; i < Judge.LISTED + 10; i++) {
            accept("lost" + i, "S-" + i, null);
        }

        RoundVerdict verdict = auditor().auditRound(WINDOW, accepted, samples, Duration.ZERO);

        assertThat(verdict.lost()).hasValue(Judge.LISTED + 10);
        assertThat(verdict.violations()).hasSize(Judge.LISTED + 1);
        assertThat(verdict.violations().getLast().detail())
                .isEqualTo("… and 10 more lost violations in round " + ROUND + " not listed");
    }

    /**
     * Redis restarted empty, and booking's restorer put back the seats MySQL has sold ({@link #cleanRound}'s), not a
     * lost booking's; no pending copy is left.
     */
    private void restartedRedisWithTheCleanRoundsSeatsRestored() {
        redis.pending.clear();
        redis.sold.clear();
        redis.copies.clear();
        redis.sell(ROUND, "A-1", "b1")
                .sell(ROUND, "A-2", "b2")
                .sell(ROUND, "B-1", "bot1")
                .sell(ROUND, "A-3", "b4");
        redis.pending.clear();
    }

    private Auditor auditor() {
        return auditor(Set.of());
    }

    /** An auditor of sources the run set up itself ({@code mysql}, {@code redis}, {@code sqs}), as a local run's. */
    private Auditor auditor(Set<String> setUpByTheRun) {
        return new Auditor(
                new Auditor.Sources(
                        Reading.got(ledger),
                        Reading.got(redis),
                        Reading.got(redis),
                        Reading.got(redis),
                        Reading.got(queues)),
                PERIOD,
                clock,
                clock::advance,
                List.of(),
                setUpByTheRun);
    }

    private void accept(String bookingId, String seatId, String polled) {
        accepted.add(new AcceptedBooking(ROUND, bookingId, seatId, "t-" + bookingId, false, polled));
    }

    private static BookingLedger.Row row(String bookingId, String seatId, long bookedMs, long lagMs) {
        return row(bookingId, seatId, false, bookedMs, lagMs);
    }

    private static BookingLedger.Row botRow(String bookingId, String seatId, long bookedMs, long lagMs) {
        return row(bookingId, seatId, true, bookedMs, lagMs);
    }

    private static BookingLedger.Row row(String bookingId, String seatId, boolean bot, long bookedMs, long lagMs) {
        Instant booked = OPEN.plusMillis(bookedMs);
        return new BookingLedger.Row(bookingId, seatId, "t-" + bookingId, bot, booked, booked.plusMillis(lagMs));
    }
}
