package dev.ticketingwarrior.perf.audit;

import dev.ticketingwarrior.perf.audit.SeatSales.PendingCopy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Judges the SPEC §9 invariants of soak rounds from Redis, MySQL and SQS: after each round ({@link #auditRound}) and
 * once at the end ({@link #auditEnd}). A source that is not configured or not reachable is skipped with a line in the
 * verdict, never an exception; but one the run set up itself that the final audit cannot read is a violation
 * ({@code unreadable-source}). One audit runs at a time (the methods are synchronized).
 */
public final class Auditor implements AutoCloseable {

    /** How often draining looks again whether every booking has its row. */
    static final long POLL_MS = 500;

    private static final Duration POLL = Duration.ofMillis(POLL_MS);
    /** How long the end waits for the confirmation queue's last acknowledgements (batched about every second). */
    static final Duration ACK_SETTLE = Duration.ofSeconds(3);
    /** What the end's backlog line adds when every round's accepted bookings were found in MySQL: no risk. */
    private static final String WHAT_IS_LEFT = "; every accepted booking has its row, so what is left are copies of"
            + " written ones a listener received and had not deleted yet (SQS hands them out again after the visibility"
            + " timeout and they are skipped as duplicates) or a booking whose 202 never reached its player (written"
            + " when received)";

    private final Sources sources;
    private final Duration roundPeriod;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<AutoCloseable> resources;
    /** The sources the run set up itself ({@code mysql}, {@code redis}, {@code sqs}): they must be readable at the end. */
    private final Set<String> setUpByTheRun;
    /** When each player's token of a round says it was admitted (the journeys'); none until told. */
    private volatile Function<String, List<Long>> players = roundId -> List.of();

    private final Map<String, List<AdmissionSample>> samplesByRound = new HashMap<>();
    private final Map<String, Long> deadLettersByRound = new HashMap<>();
    private long deadLettersSeen;
    /** Every dead letter the rounds' audits found, redriven or not since (what the end must still see). */
    private long deadLettersFound;
    /** What each round's audit found (its latest), for what the final audit cannot judge again. */
    private final Map<String, Judge.Judged> judgedAtRound = new HashMap<>();
    /** The dead letters each round's audit was the first to see. */
    private final Map<String, Violation> deadLettersFoundAt = new HashMap<>();

    /** The ports, each present or with the reason it is not (not configured, could not be set up). */
    record Sources(
            Reading<BookingLedger> ledger,
            Reading<SeatSales> sales,
            Reading<AdmissionLog> admissions,
            Reading<KeyExpiry> keys,
            Reading<DeadLetters> queues) {}

    /** How draining waits between looks; a test's fake moves its clock instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    Auditor(
            Sources sources,
            Duration roundPeriod,
            Clock clock,
            Sleeper sleeper,
            List<AutoCloseable> resources,
            Set<String> setUpByTheRun) {
        this.sources = sources;
        this.roundPeriod = roundPeriod;
        this.clock = clock;
        this.sleeper = sleeper;
        this.resources = List.copyOf(resources);
        this.setUpByTheRun = Set.copyOf(setUpByTheRun);
    }

    /**
     * Where to read, per round, when each player's token says it was admitted (the journeys' {@code adm} claims): the
     * admission rate is then judged on what the players hold too, not only on admission's own records.
     */
    public void hearPlayers(Function<String, List<Long>> admittedAtMs) {
        this.players = Objects.requireNonNull(admittedAtMs, "admittedAtMs");
    }

    /**
     * Sets up a client for each configured source. Nothing is contacted yet: each audit connects (and reconnects after
     * a restart of the server) when it reads, so a source down now may still be audited later. {@link #probe()} says
     * now what is reachable.
     */
    public static Auditor connect(AuditConfig config) {
        List<AutoCloseable> resources = new ArrayList<>();
        Reading<RedisRounds> redis = config.redisUrl()
                .map(url -> open("redis", () -> RedisRounds.create(url), resources))
                .orElse(Reading.unavailable("redis: not configured"));
        Reading<BookingLedger> mysql = config.mysql()
                .<Reading<BookingLedger>>map(db -> open("mysql", () -> JdbcBookingLedger.create(db), resources))
                .orElse(Reading.unavailable("mysql: not configured"));
        Reading<DeadLetters> sqs = config.sqs()
                .<Reading<DeadLetters>>map(queues -> open("sqs", () -> SqsDeadLetters.create(queues), resources))
                .orElse(Reading.unavailable("sqs: not configured"));
        Sources sources = new Sources(mysql, widen(redis), widen(redis), widen(redis), sqs);
        return new Auditor(
                sources,
                config.roundPeriod(),
                Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()),
                resources,
                config.setUpByTheRun() ? config.configured() : Set.of());
    }

    /**
     * One line per source: reachable, or why not. For the runner's banner; it changes nothing (an unreachable source
     * is tried again at every audit).
     */
    public List<String> probe() {
        List<String> lines = new ArrayList<>();
        lines.add(line("mysql", read(sources.ledger(), ledger -> ledger.rows("19700101T000000Z"))));
        lines.add(line("redis", read(sources.sales(), sales -> sales.sold("19700101T000000Z"))));
        lines.add(line("sqs", read(sources.queues(), DeadLetters::deadLetters)));
        return lines;
    }

    /**
     * Judges one round: waits (polling every {@value #POLL_MS} ms, at most {@code drainTimeout}) until every accepted
     * booking of the round is a row in {@code bookings} or {@code rejected_bookings} and every booking booking keeps
     * a pending copy of has its row too, then judges what it reads. Bookings of other rounds in {@code accepted} and
     * {@code samples} are ignored. Blocks for the drain (at most {@code drainTimeout}) plus the reads, each bounded by
     * its client's timeout (a few seconds).
     */
    public synchronized RoundVerdict auditRound(
            RoundWindow round, List<AcceptedBooking> accepted, List<AdmissionSample> samples, Duration drainTimeout) {
        Objects.requireNonNull(round, "round");
        List<AdmissionSample> ofRound = samples.stream()
                .filter(s -> round.roundId().equals(s.roundId()))
                .toList();
        samplesByRound.put(round.roundId(), ofRound);
        Instant deadline = clock.instant().plus(drainTimeout);
        Judge.Judged judged =
                judge(round, ofRound(round, accepted), ofRound, deadline).judged();
        judgedAtRound.put(round.roundId(), judged);
        RoundVerdict verdict = judged.verdict();

        List<Violation> violations = new ArrayList<>(verdict.violations());
        List<String> skipped = new ArrayList<>(verdict.skipped());
        long dlq = -1;
        switch (read(sources.queues(), DeadLetters::deadLetters)) {
            case Reading.Got<DeadLetters.Depth>(DeadLetters.Depth depth) -> {
                dlq = depth.total();
                // the DLQ is not per round: a dead letter is reported by the first audit that sees it
                if (dlq > deadLettersSeen) {
                    Violation found = Violation.of(
                            round.roundId(),
                            Invariant.DLQ,
                            Judge.deadLetterDetail(depth) + " (" + (dlq - deadLettersSeen)
                                    + " new since the previous audit)");
                    violations.add(found);
                    deadLettersFoundAt.put(round.roundId(), found);
                    deadLettersFound += dlq - deadLettersSeen;
                }
                deadLettersSeen = dlq;
            }
            case Reading.Unavailable<DeadLetters.Depth>(String why) -> skipped.add(why + ": DLQ not checked");
        }
        backlogNote("at the audit of round " + round.roundId()).ifPresent(skipped::add);
        deadLettersByRound.put(round.roundId(), dlq);
        return copy(verdict, dlq, violations, skipped);
    }

    /**
     * Judges every round again once drained (one {@code drainTimeout} for all of them), plus the DLQ and the TTL of
     * every key of every finished round in Redis. Max-active is judged from the samples given to {@link #auditRound}
     * for the round, if any. A source the run set up itself that could not be read here is one
     * {@code unreadable-source} violation, naming what it left unjudged. What a round's audit found and this one could
     * not judge again is kept ({@link Judge#reconcile}); so are the dead letters a round's audit saw, unless the DLQ
     * still holds them all.
     */
    public synchronized FinalVerdict auditEnd(
            List<RoundWindow> rounds, List<AcceptedBooking> accepted, Duration drainTimeout) {
        Instant deadline = clock.instant().plus(drainTimeout);
        List<RoundVerdict> verdicts = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        Unread unread = new Unread();
        for (RoundWindow round : rounds) {
            Judgement judgement = judge(
                    round, ofRound(round, accepted), samplesByRound.getOrDefault(round.roundId(), List.of()), deadline);
            judgement.unread().forEach((source, why) -> unread.add(source, why, "round " + round.roundId()));
            Judge.Judged atRound = judgedAtRound.get(round.roundId());
            RoundVerdict verdict =
                    atRound == null ? judgement.judged().verdict() : Judge.reconcile(atRound, judgement.judged());
            verdicts.add(copy(
                    verdict,
                    deadLettersByRound.getOrDefault(round.roundId(), -1L),
                    verdict.violations(),
                    verdict.skipped()));
            skipped.addAll(verdict.skipped());
        }
        Set<String> audited = new HashSet<>();
        rounds.forEach(r -> audited.add(r.roundId()));
        long elsewhere =
                accepted.stream().filter(b -> !audited.contains(b.roundId())).count();
        if (elsewhere > 0) {
            skipped.add(elsewhere + " accepted bookings belong to none of the rounds given, not judged");
        }

        long dlq = -1;
        Violation deadLettersAtEnd = null;
        switch (read(sources.queues(), DeadLetters::deadLetters)) {
            case Reading.Got<DeadLetters.Depth>(DeadLetters.Depth depth) -> {
                dlq = depth.total();
                if (dlq > 0) {
                    deadLettersAtEnd = Violation.of(Violation.NO_ROUND, Invariant.DLQ, Judge.deadLetterDetail(depth));
                }
            }
            case Reading.Unavailable<DeadLetters.Depth>(String why) -> {
                skipped.add(why + ": DLQ not checked");
                unread.add(AuditConfig.SQS, why, "the DLQ");
            }
        }
        if (dlq < deadLettersFound) {
            // a dead letter is no less a violation for being redriven, or lost with the queue, before the end
            String why = dlq < 0 ? "the final audit could not read the DLQ" : "the DLQ held " + dlq + " at the end";
            verdicts.replaceAll(v -> deadLettersFoundAt.get(v.roundId()) instanceof Violation found
                    ? copy(v, v.dlq(), plus(v.violations(), found.keptFromTheRound(why)), v.skipped())
                    : v);
        }
        verdicts.forEach(v -> violations.addAll(v.violations()));
        if (deadLettersAtEnd != null) {
            violations.add(deadLettersAtEnd);
        }
        // the reassurance only where it was checked: every round's lost counted, and none
        boolean everyRowFound = !verdicts.isEmpty()
                && verdicts.stream()
                        .allMatch(v -> v.lost().isPresent() && v.lost().getAsInt() == 0);
        settledBacklogNote()
                .map(note -> everyRowFound ? note + WHAT_IS_LEFT : note)
                .ifPresent(skipped::add);

        switch (read(sources.keys(), KeyExpiry::roundKeysWithoutTtl)) {
            case Reading.Got<List<String>>(List<String> keys) ->
                violations.addAll(Judge.keysWithoutTtl(keys, roundPeriod, clock.instant()));
            case Reading.Unavailable<List<String>>(String why) -> {
                skipped.add(why + ": key TTLs not checked");
                unread.add(AuditConfig.REDIS, why, "the keys' TTLs");
            }
        }
        violations.addAll(unread.violations(setUpByTheRun));
        return new FinalVerdict(verdicts, dlq, violations, List.copyOf(skipped));
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing is best effort: the soak's verdicts are already out
            }
        }
    }

    /**
     * A round's judgement, and the sources whose last reading for it failed (source name to why: {@code mysql} for the
     * rows, {@code redis} for the pending copies, sold seats and admissions).
     */
    private record Judgement(Judge.Judged judged, Map<String, String> unread) {}

    /** Drains the round (see {@link #auditRound}), then reads everything else and judges it. */
    private Judgement judge(
            RoundWindow round, List<AcceptedBooking> accepted, List<AdmissionSample> samples, Instant deadline) {
        String id = round.roundId();
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(b -> acceptedIds.add(b.bookingId()));
        Instant start = clock.instant();
        Reading<BookingLedger.Rows> rows;
        Reading<Set<String>> pending = null;
        while (true) {
            pending = null;
            rows = read(sources.ledger(), ledger -> ledger.rows(id));
            if (rows instanceof Reading.Got<BookingLedger.Rows>(BookingLedger.Rows got)) {
                Set<String> rowIds = rowIds(got);
                if (rowIds.containsAll(acceptedIds)) {
                    // the pending copies are found by a SCAN: looked at only once the journeys' bookings are in
                    pending = read(sources.sales(), sales -> sales.pendingBookings(id));
                    if (!(pending instanceof Reading.Got<Set<String>>(Set<String> copies))
                            || rowIds.containsAll(copies)) {
                        break;
                    }
                }
            } else if (sources.ledger() instanceof Reading.Unavailable<BookingLedger>) {
                break; // no database configured: nothing to wait for
            }
            if (!pollAgainBefore(deadline)) {
                break;
            }
        }
        if (pending == null) {
            pending = read(sources.sales(), sales -> sales.pendingBookings(id));
        }
        Duration drainedFor = Duration.between(start, clock.instant());
        Reading<Map<String, PendingCopy>> copies = copiesWithoutRow(id, rows, pending);
        Reading<Optional<Map<String, String>>> sold = read(sources.sales(), sales -> sales.sold(id));
        Reading<Judge.Admissions> admissions =
                read(sources.admissions(), log -> new Judge.Admissions(log.serving(id), log.admittedAtMs(id)));
        Judge.Judged judged = Judge.round(new Judge.Evidence(
                round,
                roundPeriod,
                accepted,
                samples,
                rows,
                pending,
                copies,
                sold,
                admissions,
                players.apply(id),
                drainedFor,
                clock.instant()));
        Map<String, String> unread = new LinkedHashMap<>();
        if (rows instanceof Reading.Unavailable<?>(String why)) {
            unread.put(AuditConfig.MYSQL, why);
        }
        for (Reading<?> redis : List.of(pending, copies, sold, admissions)) {
            if (redis instanceof Reading.Unavailable<?>(String why)) {
                unread.putIfAbsent(AuditConfig.REDIS, why);
            }
        }
        return new Judgement(judged, unread);
    }

    /**
     * What the final audit could not read, per source: the first reason, and what it left unjudged (rounds, the DLQ,
     * the keys' TTLs).
     */
    private static final class Unread {

        private final Map<String, String> why = new LinkedHashMap<>();
        private final Map<String, List<String>> what = new LinkedHashMap<>();

        void add(String source, String reason, String unjudged) {
            why.putIfAbsent(source, reason);
            what.computeIfAbsent(source, s -> new ArrayList<>()).add(unjudged);
        }

        /** One {@code unreadable-source} violation per source the run set up itself that could not be read. */
        List<Violation> violations(Set<String> setUpByTheRun) {
            List<Violation> violations = new ArrayList<>();
            why.forEach((source, reason) -> {
                if (setUpByTheRun.contains(source)) {
                    violations.add(Violation.of(
                            Violation.NO_ROUND,
                            Invariant.UNREADABLE_SOURCE,
                            reason + " at the final audit, though this run set " + source + " up itself: "
                                    + String.join(", ", what.get(source)) + " not judged against it"
                                    + (source.equals(AuditConfig.MYSQL) ? " (lost unknown)" : "")
                                    + "; the notes say which checks"));
                }
            });
            return violations;
        }
    }

    /**
     * The pending copies of the bookings still without a row after draining, read only for those: whose they are
     * (a bot's or not) and which seat. Unavailable when the pending copies could not be listed (the SCAN failed): the
     * bots' lost bookings are then not known, which is not none. Nothing to read when MySQL could not be read.
     */
    private Reading<Map<String, PendingCopy>> copiesWithoutRow(
            String roundId, Reading<BookingLedger.Rows> rows, Reading<Set<String>> pending) {
        if (pending instanceof Reading.Unavailable<Set<String>>(String why)) {
            return Reading.unavailable(why);
        }
        if (!(rows instanceof Reading.Got<BookingLedger.Rows>(BookingLedger.Rows got))
                || !(pending instanceof Reading.Got<Set<String>>(Set<String> copies))) {
            return Reading.got(Map.of());
        }
        Set<String> rowIds = rowIds(got);
        List<String> open = copies.stream().filter(id -> !rowIds.contains(id)).toList();
        if (open.isEmpty()) {
            return Reading.got(Map.of());
        }
        return read(sources.sales(), sales -> sales.pendingCopies(roundId, open));
    }

    /**
     * The end's backlog line, after giving the queue up to {@link #ACK_SETTLE} to empty: the listener acknowledges in
     * batches (about once a second), so right after the last row is written its messages are still in flight.
     */
    private Optional<String> settledBacklogNote() {
        Instant until = clock.instant().plus(ACK_SETTLE);
        Optional<String> note = backlogNote("at the end");
        while (note.isPresent() && pollAgainBefore(until)) {
            note = backlogNote("at the end");
        }
        return note;
    }

    /** Sleeps one poll (less if {@code deadline} is nearer); false when the deadline has passed or the wait was cut. */
    private boolean pollAgainBefore(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        try {
            sleeper.sleep(left.compareTo(POLL) < 0 ? left : POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A line when confirmations are still queued: the round was judged before booking had written them all. */
    private Optional<String> backlogNote(String when) {
        if (read(sources.queues(), DeadLetters::backlog) instanceof Reading.Got<DeadLetters.Depth>(var depth)
                && depth.total() > 0) {
            return Optional.of(Judge.backlogNote(depth, when));
        }
        return Optional.empty();
    }

    private static List<AcceptedBooking> ofRound(RoundWindow round, List<AcceptedBooking> accepted) {
        return accepted.stream()
                .filter(b -> round.roundId().equals(b.roundId()))
                .toList();
    }

    private static Set<String> rowIds(BookingLedger.Rows rows) {
        Set<String> ids = new HashSet<>();
        rows.confirmed().forEach(r -> ids.add(r.bookingId()));
        rows.rejected().forEach(r -> ids.add(r.bookingId()));
        return ids;
    }

    private static List<Violation> plus(List<Violation> violations, Violation more) {
        List<Violation> all = new ArrayList<>(violations);
        all.add(more);
        return all;
    }

    private static RoundVerdict copy(RoundVerdict v, long dlq, List<Violation> violations, List<String> skipped) {
        return new RoundVerdict(
                v.roundId(),
                v.accepted(),
                v.confirmed(),
                v.rejected(),
                v.lost(),
                v.bots(),
                v.oversold(),
                dlq,
                v.confirmationLagMs(),
                v.sellOut(),
                v.settled(),
                v.seatsSold(),
                violations,
                skipped);
    }

    /** Calls a port, turning any failure into the reason it could not be read ("redis: not reachable (…)"). */
    static <P, T> Reading<T> read(Reading<P> port, Function<P, T> call) {
        return switch (port) {
            case Reading.Unavailable<P>(String why) -> Reading.unavailable(why);
            case Reading.Got<P>(P got) -> {
                try {
                    yield Reading.got(call.apply(got));
                } catch (RuntimeException e) {
                    yield Reading.unavailable(SourceFailure.describe(got, e));
                }
            }
        };
    }

    private static <P> Reading<P> open(String source, java.util.function.Supplier<P> create, List<AutoCloseable> res) {
        try {
            P port = create.get();
            if (port instanceof AutoCloseable closeable) {
                res.add(closeable);
            }
            return Reading.got(port);
        } catch (RuntimeException e) {
            return Reading.unavailable(source + ": not usable (" + SourceFailure.brief(e) + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> Reading<P> widen(Reading<? extends P> reading) {
        return (Reading<P>) reading;
    }

    private static String line(String source, Reading<?> reading) {
        return switch (reading) {
            case Reading.Got<?> got -> source + ": reachable";
            case Reading.Unavailable<?>(String why) -> why;
        };
    }
}
