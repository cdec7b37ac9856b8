package dev.ticketingwarrior.perf.audit;

import dev.ticketingwarrior.perf.audit.SeatSales.PendingCopy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The SPEC §9 judgement of what was read: pure, no I/O. A source that could not be read leaves its checks out with a
 * line in {@code skipped} naming them; it is no violation here (the {@link Auditor} fails the end for a source the run
 * set up itself).
 */
final class Judge {

    /** Listed violations per invariant and round; beyond this one line says how many more there were. */
    static final int LISTED = 25;

    private Judge() {}

    /**
     * Everything read about one round after draining; {@code copies} are the pending copies of the bookings still
     * without a row.
     */
    record Evidence(
            RoundWindow round,
            Duration period,
            List<AcceptedBooking> accepted,
            List<AdmissionSample> samples,
            Reading<BookingLedger.Rows> rows,
            Reading<Set<String>> pending,
            Reading<Map<String, PendingCopy>> copies,
            Reading<Optional<Map<String, String>>> sold,
            Reading<Admissions> admissions,
            List<Long> playersAdmittedAtMs,
            Duration drainedFor,
            Instant now) {}

    /** Admission's record of a round: its settings (if it still has them) and every admission instant. */
    record Admissions(Optional<AdmissionLog.Serving> serving, List<Long> admittedAtMs) {}

    /** How long after its round's open every booking's copy is surely still kept (booking keeps it 15 min after its row). */
    static final Duration COPIES_KEPT = Duration.ofMinutes(14);

    /**
     * How long after its round's end (the next round's open) {@code {r:<id>}:sold} must surely still be in Redis:
     * booking's sold-seat restorer puts a round's sold seats back while the round's keys are kept
     * ({@code ticketing.redis.retention}, 10 min after its end); the sale gives the set a longer TTL still. A minute
     * less, for clocks and a late audit.
     */
    static final Duration SOLD_KEPT = Duration.ofMinutes(9);

    /**
     * A check of one round: each invariant, and {@code lost} twice, since a journey's 202 is known from the journal,
     * and any other accepted booking (a bot's, or a player's whose journey never saw its 202) only from its pending
     * copy in Redis.
     */
    enum Check {
        LOST_PLAYERS(Invariant.LOST),
        LOST_COPIES(Invariant.LOST),
        CONFIRMED_AND_REJECTED(Invariant.CONFIRMED_AND_REJECTED),
        STATUS_MISMATCH(Invariant.STATUS_MISMATCH),
        OVERSOLD(Invariant.OVERSOLD),
        REDIS_MYSQL_MISMATCH(Invariant.REDIS_MYSQL_MISMATCH),
        SOLD_WITHOUT_BOOKING(Invariant.SOLD_WITHOUT_BOOKING),
        ADMISSION_RATE(Invariant.ADMISSION_RATE),
        MAX_ACTIVE(Invariant.MAX_ACTIVE),
        NO_TTL(Invariant.NO_TTL);

        final Invariant invariant;

        Check(Invariant invariant) {
            this.invariant = invariant;
        }
    }

    /** One violation and the check that found it; {@code bookingId} for a lost booking's, else null. */
    record Finding(Check check, String bookingId, Violation violation) {}

    /**
     * A round's verdict and how it was reached: every finding, the checks its evidence allowed ({@code made}), the
     * bookings with a row (empty when MySQL was not read) and the lost bookings found by their pending copies (a
     * bot's, or a player's whose journey never saw its 202), by id.
     */
    record Judged(
            RoundVerdict verdict,
            List<Finding> findings,
            Set<Check> made,
            Optional<Set<String>> rowIds,
            Map<String, PendingCopy> lostCopies) {}

    static Judged round(Evidence e) {
        String id = e.round().roundId();
        Findings found = new Findings(id);
        Optional<Set<String>> rowIds = Optional.empty();
        Map<String, PendingCopy> lostCopies = Map.of();
        List<String> skipped = new ArrayList<>();
        Map<String, AcceptedBooking> accepted = latestPerBooking(e.accepted());

        Counts counts;
        OptionalInt lost = OptionalInt.empty(); // unknown until MySQL is read
        Optional<BotBookings> bots = Optional.empty();
        Percentiles lag = Percentiles.NONE;
        List<long[]> sellOut = List.of();
        List<long[]> settled = List.of();
        int seatsSold = 0;
        Set<String> inBookings = Set.of();
        switch (e.rows()) {
            case Reading.Got<BookingLedger.Rows>(BookingLedger.Rows rows) -> {
                found.made(Check.LOST_PLAYERS, Check.CONFIRMED_AND_REJECTED, Check.STATUS_MISMATCH, Check.OVERSOLD);
                inBookings = ids(rows.confirmed());
                Set<String> withRow = ids(rows.confirmed());
                withRow.addAll(ids(rows.rejected()));
                rowIds = Optional.of(Set.copyOf(withRow));
                counts = outcomes(accepted.values(), rows, e.drainedFor(), found);
                lostCopies = lostCopies(e, rows, accepted.keySet(), found, skipped);
                bots = Optional.of(new BotBookings(
                        (int) rows.confirmed().stream()
                                .filter(BookingLedger.Row::bot)
                                .count(),
                        (int) rows.rejected().stream()
                                .filter(BookingLedger.Row::bot)
                                .count(),
                        bots(lostCopies.values())));
                lost = OptionalInt.of(counts.lost() + lostCopies.size());
                lag = Percentiles.of(rows.confirmed().stream()
                        .map(row -> Duration.between(row.bookedAt(), row.settledAt())
                                .toMillis())
                        .toList());
                sellOut = sellOut(e.round(), rows.confirmed());
                settled = settled(e.round(), rows);
                seatsSold = rows.confirmed().size();
                drainNotes(e, rows, accepted.keySet(), lostCopies.keySet(), skipped);
                redisAgainstMysql(e, rows, lostCopies, found, skipped);
            }
            case Reading.Unavailable<BookingLedger.Rows>(String why) -> {
                counts = new Counts(
                        (int) accepted.values().stream()
                                .filter(AcceptedBooking::polledConfirmed)
                                .count(),
                        (int) accepted.values().stream()
                                .filter(AcceptedBooking::polledRejected)
                                .count(),
                        0);
                skipped.add(why + ": round " + id + " not drained; lost, confirmed-and-rejected, status-mismatch,"
                        + " Redis/MySQL agreement, oversell in the bookings table, confirmation lag and sell-out not"
                        + " checked (confirmed/rejected counted from the journeys' last polls), the bots' bookings not"
                        + " counted");
            }
        }
        int oversold = oversold(e.rows(), accepted, inBookings, found);
        admissionRate(e, found, skipped);
        maxActive(e, found, skipped);
        RoundVerdict verdict = new RoundVerdict(
                id,
                accepted.size(),
                counts.confirmed(),
                counts.rejected(),
                lost,
                bots,
                oversold,
                -1,
                lag,
                sellOut,
                settled,
                seatsSold,
                found.violations(),
                skipped);
        return new Judged(verdict, found.findings(), found.made(), rowIds, Map.copyOf(lostCopies));
    }

    /**
     * The final verdict of a round from the end's judgement and the round's own (its audit after the close). A check
     * the end made again replaces what the round's audit found, as for a booking still on its way then and written
     * since. One the end could not make (its source unreadable, or its evidence gone: admission's records expire
     * after 10 minutes, the sold seats later) keeps the round's findings: evidence that expired is no acquittal. A
     * lost booking is acquitted only by its row: one found lost by its pending copy at the round's audit (a bot's, or
     * a player's whose journey never saw its 202) stays lost while it has none, though its copy (how the end finds
     * it) may be gone from Redis.
     */
    static RoundVerdict reconcile(Judged atRound, Judged atEnd) {
        RoundVerdict end = atEnd.verdict();
        Set<String> stillLost = new TreeSet<>(atRound.lostCopies().keySet());
        atEnd.rowIds().ifPresent(stillLost::removeAll);
        stillLost.removeAll(atEnd.lostCopies().keySet()); // the end lists those itself
        int stillLostBots =
                bots(stillLost.stream().map(atRound.lostCopies()::get).toList());
        List<Finding> findings = new ArrayList<>(atEnd.findings());
        int copiesListed = 0;
        for (Finding f : atRound.findings()) {
            if (f.check() == Check.LOST_COPIES) {
                if (f.bookingId() != null && stillLost.contains(f.bookingId())) {
                    findings.add(kept(f, atEnd.rowIds().isPresent() ? "still no row at the end" : null));
                    copiesListed++;
                }
            } else if (!atEnd.made().contains(f.check()) && !atEnd.findings().contains(f)) {
                findings.add(kept(f, null));
            }
        }
        if (stillLost.size() > copiesListed) {
            findings.add(new Finding(
                    Check.LOST_COPIES,
                    null,
                    Violation.of(
                            end.roundId(),
                            Invariant.LOST,
                            "… and " + (stillLost.size() - copiesListed) + " more bookings found lost by their"
                                    + " pending copies at the round's audit not listed")));
        }
        findings.sort(Comparator.comparing(Finding::check)); // stable: each check's in the order found
        boolean oversoldKept = !atEnd.made().contains(Check.OVERSOLD);
        return new RoundVerdict(
                end.roundId(),
                end.accepted(),
                end.confirmed(),
                end.rejected(),
                end.lost().isPresent() ? OptionalInt.of(end.lost().getAsInt() + stillLost.size()) : end.lost(),
                end.bots().map(b -> new BotBookings(b.confirmed(), b.rejected(), b.lost() + stillLostBots)),
                oversoldKept ? Math.max(end.oversold(), atRound.verdict().oversold()) : end.oversold(),
                end.dlq(),
                end.confirmationLagMs(),
                end.sellOut(),
                end.settled(),
                end.seatsSold(),
                findings.stream().map(Finding::violation).toList(),
                end.skipped());
    }

    /** A finding of the round's audit kept in the final verdict, saying so. */
    private static Finding kept(Finding f, String why) {
        return new Finding(
                f.check(),
                f.bookingId(),
                f.violation().keptFromTheRound(why != null ? why : "the final audit could not judge it again"));
    }

    private record Counts(int confirmed, int rejected, int lost) {}

    /**
     * Where each accepted booking ended: every 202 ends CONFIRMED or REJECTED exactly once, none lost, and as its
     * journey was told (SPEC §9).
     */
    private static Counts outcomes(
            Collection<AcceptedBooking> accepted, BookingLedger.Rows rows, Duration drainedFor, Findings found) {
        Set<String> inBookings = ids(rows.confirmed());
        Set<String> inRejected = ids(rows.rejected());
        int confirmed = 0;
        int rejected = 0;
        int lost = 0;
        for (AcceptedBooking b : accepted) {
            boolean c = inBookings.contains(b.bookingId());
            boolean r = inRejected.contains(b.bookingId());
            confirmed += c ? 1 : 0;
            rejected += r ? 1 : 0;
            if (!c && !r) {
                lost++;
                found.addAbout(
                        Check.LOST_PLAYERS,
                        b.bookingId(),
                        "booking %s (%s) got a 202 but is in neither bookings nor rejected_bookings after draining for"
                                + " %s; the journey last saw %s",
                        b.bookingId(),
                        who(b),
                        seconds(drainedFor),
                        b.polledStatus() == null ? "no status" : b.polledStatus());
            }
            if (c && r) {
                found.add(
                        Check.CONFIRMED_AND_REJECTED,
                        "booking %s (%s) is in bookings and in rejected_bookings",
                        b.bookingId(),
                        who(b));
            }
            if (b.polledConfirmed() && r && !c) {
                found.add(
                        Check.STATUS_MISMATCH,
                        "booking %s (%s): the journey was told CONFIRMED, MySQL rejected it",
                        b.bookingId(),
                        who(b));
            } else if (b.polledRejected() && c && !r) {
                found.add(
                        Check.STATUS_MISMATCH,
                        "booking %s (%s): the journey was told REJECTED, MySQL confirmed it",
                        b.bookingId(),
                        who(b));
            }
        }
        return new Counts(confirmed, rejected, lost);
    }

    /**
     * The bookings booking keeps a pending copy of that no journey saw the 202 of and that have a row in neither
     * table after draining: accepted (or in doubt, which booking's reconciler settles as accepted) and not written,
     * each one {@code lost} violation, which says whether Redis still has its seat SOLD to it. A bot's, or a
     * player's whose journey never saw its 202 (its tries failed or went unanswered, e.g. while booking was killed):
     * in a soak every human is a journey, so such a booking left unresolved is counted nowhere else. A journey's 202
     * is judged by {@link #outcomes}, never here.
     */
    private static Map<String, PendingCopy> lostCopies(
            Evidence e, BookingLedger.Rows rows, Set<String> journeys, Findings found, List<String> skipped) {
        Map<String, PendingCopy> lost = new TreeMap<>();
        switch (e.copies()) {
            case Reading.Unavailable<Map<String, PendingCopy>>(String why) -> {
                skipped.add(why + ": the pending copies without a row of round "
                        + e.round().roundId() + " not read, the lost bookings only they show (bots', and players'"
                        + " whose journey never saw the 202) not counted");
                return lost;
            }
            case Reading.Got<Map<String, PendingCopy>>(Map<String, PendingCopy> copies) -> {
                Set<String> rowIds = ids(rows.confirmed());
                rowIds.addAll(ids(rows.rejected()));
                copies.values().stream()
                        .filter(c -> !journeys.contains(c.bookingId()) && !rowIds.contains(c.bookingId()))
                        .forEach(c -> lost.put(c.bookingId(), c));
                if (e.pending() instanceof Reading.Got<Set<String>>(Set<String> pending)
                        && e.now().isBefore(e.round().opensAt().plus(COPIES_KEPT))) {
                    // booking keeps every copy 15 minutes after its row (decision 0018): rows without one mean Redis
                    // lost them (restarted empty) or booking could not write one (Redis not answering after the
                    // accept), and a bot's booking lost with its copy leaves nothing to find
                    long uncopied =
                            rowIds.stream().filter(id -> !pending.contains(id)).count();
                    if (uncopied > 0) {
                        skipped.add("redis: " + uncopied + " of the " + rowIds.size() + " rows of round "
                                + e.round().roundId()
                                + " have no pending copy (Redis lost them, or booking could not write one while Redis was not"
                                + " answering), so a booking"
                                + " lost with its copy (a bot's, or one no journey saw the 202 of) would not be"
                                + " counted");
                    }
                }
            }
        }
        Map<String, String> sold = e.sold() instanceof Reading.Got<Optional<Map<String, String>>>(var seats)
                ? seats.orElse(Map.of())
                : Map.of();
        lost.values()
                .forEach(c -> found.addAbout(
                        Check.LOST_COPIES,
                        c.bookingId(),
                        "booking %s (seat %s, ticket %s%s) has a pending copy in Redis but is in neither bookings"
                                + " nor rejected_bookings after draining for %s%s; Redis %s",
                        c.bookingId(),
                        c.seatId(),
                        c.ticketId(),
                        c.bot() ? ", bot" : "",
                        seconds(e.drainedFor()),
                        c.bot()
                                ? ""
                                : "; its journey never saw its 202 (its tries failed or went unanswered), so"
                                        + " nobody was told of it",
                        c.seatId() != null && c.bookingId().equals(sold.get(c.seatId()))
                                ? "has the seat SOLD to it"
                                : "does not have the seat SOLD to it"));
        return lost;
    }

    /**
     * Keys of finished rounds that never expire (SPEC §3: every key of a round expires after the round). A key's round
     * is finished once its start plus the period is past.
     */
    static List<Violation> keysWithoutTtl(List<String> keys, Duration period, Instant now) {
        Findings found = new Findings(Violation.NO_ROUND);
        keys.stream()
                .sorted()
                .forEach(key -> RoundKeys.roundOf(key)
                        .filter(round -> !round.start().plus(period).isAfter(now))
                        .ifPresent(round -> found.add(
                                round.value(),
                                Check.NO_TTL,
                                null,
                                "%s has no TTL (round %s ended at %s)",
                                key,
                                round.value(),
                                round.start().plus(period))));
        return found.violations();
    }

    /** A dead letter is a confirmation that failed 5 receives: the DLQ is for poison messages only (SPEC §9). */
    static String deadLetterDetail(DeadLetters.Depth depth) {
        return "%s holds %d messages (%d visible, %d in flight, %d delayed): confirmations that failed 5 receives"
                        .formatted(depth.queue(), depth.total(), depth.visible(), depth.inFlight(), depth.delayed())
                + "; ops can redrive them";
    }

    static String backlogNote(DeadLetters.Depth depth, String when) {
        return "sqs: %s still holds %d messages (%d visible, %d in flight, %d delayed) %s"
                .formatted(depth.queue(), depth.total(), depth.visible(), depth.inFlight(), depth.delayed(), when);
    }

    private static void drainNotes(
            Evidence e,
            BookingLedger.Rows rows,
            Set<String> acceptedIds,
            Set<String> lostCopies,
            List<String> skipped) {
        Set<String> rowIds = ids(rows.confirmed());
        rowIds.addAll(ids(rows.rejected()));
        long acceptedOpen =
                acceptedIds.stream().filter(id -> !rowIds.contains(id)).count();
        if (acceptedOpen > 0) {
            skipped.add("drain: round %s not drained after %s: %d accepted bookings still without a row"
                    .formatted(e.round().roundId(), seconds(e.drainedFor()), acceptedOpen));
        }
        switch (e.pending()) {
            case Reading.Got<Set<String>>(Set<String> pending) -> {
                // those found by their copies are violations (lostCopies): what is left is the journeys' 202s
                // (lost, by outcomes) and copies gone or unreadable when read, which nothing judges
                List<String> open = pending.stream()
                        .filter(id -> !rowIds.contains(id) && !lostCopies.contains(id))
                        .sorted()
                        .toList();
                if (!open.isEmpty()) {
                    skipped.add(("drain: round %s: %d bookings booking keeps a pending copy of have no row after %s"
                                    + " (%d of them none of the journeys' 202s: %s): %s")
                            .formatted(
                                    e.round().roundId(),
                                    open.size(),
                                    seconds(e.drainedFor()),
                                    open.stream()
                                            .filter(id -> !acceptedIds.contains(id))
                                            .count(),
                                    e.copies() instanceof Reading.Got<?>
                                            ? "their copies gone or unreadable when read, not judged"
                                            : "their copies not read, not judged",
                                    abbreviate(open)));
                }
            }
            case Reading.Unavailable<Set<String>>(String why) ->
                skipped.add(why + ": pending bookings of round " + e.round().roundId() + " not waited for");
        }
    }

    /** Redis's sold seats against the bookings table, both ways (SPEC §9: a seat SOLD at most once, in both). */
    private static void redisAgainstMysql(
            Evidence e,
            BookingLedger.Rows rows,
            Map<String, PendingCopy> lostCopies,
            Findings found,
            List<String> skipped) {
        String id = e.round().roundId();
        switch (e.sold()) {
            case Reading.Unavailable<Optional<Map<String, String>>>(String why) ->
                skipped.add(why + ": Redis/MySQL agreement of round " + id + " not checked");
            case Reading.Got<Optional<Map<String, String>>>(Optional<Map<String, String>> maybeSold) -> {
                Instant soldKept = e.round().opensAt().plus(e.period()).plus(SOLD_KEPT);
                String gone = "";
                if (maybeSold.isEmpty()) {
                    if (rows.confirmed().isEmpty()) {
                        // nothing sold, no hash: judged (a finding of the round's audit, since settled, is not kept)
                        found.made(Check.REDIS_MYSQL_MISMATCH, Check.SOLD_WITHOUT_BOOKING);
                        return;
                    }
                    if (!e.now().isBefore(soldKept)) {
                        skipped.add("redis: {r:" + id + "}:sold is gone, past the 10 min after the round's end in which"
                                + " booking restores it; Redis/MySQL agreement of round " + id + " not checked");
                        return;
                    }
                    // booking still keeps it: Redis lost it (restarted empty) and no restorer put it back
                    gone = " ({r:" + id
                            + "}:sold is gone, while booking restores it until 10 min after the round's end)";
                }
                found.made(Check.REDIS_MYSQL_MISMATCH, Check.SOLD_WITHOUT_BOOKING);
                Map<String, String> sold = new TreeMap<>(maybeSold.orElse(Map.of()));
                String soldGone = gone;
                Map<String, List<String>> bookedBySeat = new TreeMap<>();
                rows.confirmed()
                        .forEach(row -> bookedBySeat
                                .computeIfAbsent(row.seatId(), s -> new ArrayList<>())
                                .add(row.bookingId()));
                Set<String> rejectedIds = ids(rows.rejected());
                Set<String> reported = new HashSet<>();
                sold.forEach((seat, bookingId) -> {
                    List<String> booked = bookedBySeat.getOrDefault(seat, List.of());
                    if (booked.contains(bookingId)) {
                        return;
                    }
                    reported.add(seat);
                    if (!booked.isEmpty()) {
                        found.add(
                                Check.REDIS_MYSQL_MISMATCH,
                                "seat %s: Redis sold it to %s, the bookings table to %s",
                                seat,
                                bookingId,
                                String.join(", ", booked));
                    } else if (rejectedIds.contains(bookingId)) {
                        found.add(
                                Check.REDIS_MYSQL_MISMATCH,
                                "seat %s: Redis sold it to %s, which MySQL rejected, and no row in bookings holds the"
                                        + " seat",
                                seat,
                                bookingId);
                    } else if (!(lostCopies.get(bookingId) instanceof PendingCopy copy && seat.equals(copy.seatId()))) {
                        // a booking lost with its copy is listed once, as lost, and its line says Redis has it SOLD
                        found.add(
                                Check.SOLD_WITHOUT_BOOKING,
                                "seat %s is SOLD in Redis to %s, but neither bookings nor rejected_bookings has that"
                                        + " booking or a booking of the seat",
                                seat,
                                bookingId);
                    }
                });
                bookedBySeat.forEach((seat, booked) -> {
                    if (!sold.containsKey(seat) && !reported.contains(seat)) {
                        found.add(
                                Check.REDIS_MYSQL_MISMATCH,
                                "seat %s: the bookings table has %s, Redis does not have the seat SOLD%s",
                                seat,
                                String.join(", ", booked),
                                soldGone);
                    }
                });
            }
        }
    }

    /**
     * Seats sold more than once: two rows of the seat in {@code bookings}, or two accepted bookings of the seat that
     * ended CONFIRMED — by their row, or by what their journey was told.
     */
    private static int oversold(
            Reading<BookingLedger.Rows> rows,
            Map<String, AcceptedBooking> accepted,
            Set<String> inBookings,
            Findings found) {
        Map<String, Map<String, Set<String>>> bySeat = new TreeMap<>();
        if (rows instanceof Reading.Got<BookingLedger.Rows>(BookingLedger.Rows got)) {
            got.confirmed()
                    .forEach(row -> bySeat.computeIfAbsent(row.seatId(), s -> new LinkedHashMap<>())
                            .computeIfAbsent(row.bookingId(), b -> new LinkedHashSet<>())
                            .add("row in bookings"));
        }
        for (AcceptedBooking b : accepted.values()) {
            if (b.polledConfirmed() && !inBookings.contains(b.bookingId())) {
                bySeat.computeIfAbsent(b.seatId(), s -> new LinkedHashMap<>())
                        .computeIfAbsent(b.bookingId(), id -> new LinkedHashSet<>())
                        .add("journey told CONFIRMED");
            }
        }
        int seats = 0;
        for (Map.Entry<String, Map<String, Set<String>>> seat : bySeat.entrySet()) {
            if (seat.getValue().size() < 2) {
                continue;
            }
            seats++;
            List<String> sales = new ArrayList<>();
            seat.getValue().forEach((bookingId, why) -> sales.add(bookingId + " (" + String.join(", ", why) + ")"));
            found.add(
                    Check.OVERSOLD,
                    "seat %s sold %d times: %s",
                    seat.getKey(),
                    seat.getValue().size(),
                    String.join("; ", sales));
        }
        return seats;
    }

    /**
     * No admission beyond the rate (SPEC §4, §9): at every admission instant t, the tickets admitted at or before t
     * are at most {@code openBatch + floor(rate · (min(t, close) − open) / 1000) + 1}. The settings are the round's
     * last ones; a change ops made during the round is not seen.
     */
    private static void admissionRate(Evidence e, Findings found, List<String> skipped) {
        String id = e.round().roundId();
        switch (e.admissions()) {
            case Reading.Unavailable<Admissions>(String why) ->
                skipped.add(why + ": admission rate of round " + id + " not checked");
            case Reading.Got<Admissions>(Admissions admissions) -> {
                if (e.round().closesAt().isAfter(e.now())) {
                    skipped.add("admission: round " + id + " was still open when audited, admission rate not checked");
                    return;
                }
                if (admissions.serving().isEmpty()) {
                    skipped.add("admission: {r:" + id + "}:serve is gone (nobody entered, or it expired), admission"
                            + " rate of round " + id + " not checked");
                    return;
                }
                found.made(Check.ADMISSION_RATE);
                AdmissionLog.Serving serving = admissions.serving().get();
                overTheRate(e.round(), serving, admissions.admittedAtMs())
                        .ifPresent(over -> found.add(
                                Check.ADMISSION_RATE,
                                "%s (settings from {r:%s}:serve, taken as constant during the round)",
                                over.describe("tickets", e.round(), serving),
                                id));
                // the same bound on what the players hold: the adm claims of the journeys' tokens, counted apart from
                // admission's records (which a Valkey that lost the round no longer has); the bots' tokens are not
                // among them, so this count can only find too many, never vouch for the rest
                overTheRate(e.round(), serving, e.playersAdmittedAtMs())
                        .ifPresent(over -> found.add(
                                Check.ADMISSION_RATE,
                                "%s, as the journeys' own tokens say (their adm claims; bots' tokens not counted)",
                                over.describe("players' tokens", e.round(), serving)));
            }
        }
    }

    /** How far admission instants went past {@code openBatch + rate·t + 1}: the first instant over it and the worst. */
    private record OverRate(long firstAt, long firstCount, long firstAllowed, int instants, long worst) {

        String describe(String what, RoundWindow round, AdmissionLog.Serving serving) {
            long open = round.opensAt().toEpochMilli();
            return String.format(
                    "%d %s admitted by %s (+%d ms after the open), at most %d allowed (openBatch %d + %s/s since the"
                            + " open + 1); %d admission instants over the limit, the worst by %d",
                    firstCount,
                    what,
                    Instant.ofEpochMilli(firstAt),
                    firstAt - open,
                    firstAllowed,
                    serving.openBatch(),
                    rate(serving.rate()),
                    instants,
                    worst);
        }
    }

    private static Optional<OverRate> overTheRate(
            RoundWindow round, AdmissionLog.Serving serving, List<Long> admittedAtMs) {
        long open = round.opensAt().toEpochMilli();
        long close = round.closesAt().toEpochMilli();
        long[] at = admittedAtMs.stream().mapToLong(Long::longValue).sorted().toArray();
        int over = 0;
        long firstAt = 0;
        long firstCount = 0;
        long firstAllowed = 0;
        long worst = 0;
        for (int i = 0; i < at.length; i++) {
            if (i + 1 < at.length && at[i + 1] == at[i]) {
                continue; // judge an instant once, with everyone admitted at it
            }
            long count = i + 1L;
            long allowed = serving.openBatch()
                    + (long) Math.floor(serving.rate() * (Math.min(at[i], close) - open) / 1000.0 + 1e-9)
                    + 1;
            if (count > allowed) {
                if (over == 0) {
                    firstAt = at[i];
                    firstCount = count;
                    firstAllowed = allowed;
                }
                over++;
                worst = Math.max(worst, count - allowed);
            }
        }
        return over == 0 ? Optional.empty() : Optional.of(new OverRate(firstAt, firstCount, firstAllowed, over, worst));
    }

    /**
     * Never more admitted-but-unfinished players than maxActive (SPEC §4), from the runner's stats samples: admission's
     * own {@code active} (admitted minus those booking reported finished or that timed out), so this checks its
     * bookkeeping against its cap, not an independent count of who is still playing.
     */
    private static void maxActive(Evidence e, Findings found, List<String> skipped) {
        String id = e.round().roundId();
        List<AdmissionSample> samples =
                e.samples().stream().filter(s -> id.equals(s.roundId())).toList();
        if (samples.isEmpty()) {
            skipped.add("admission: no stats samples of round " + id + ", max-active not checked");
            return;
        }
        if (samples.stream().allMatch(s -> s.maxActive() <= 0)) {
            skipped.add("admission: no maxActive in round " + id + " (0, no cap), max-active not checked");
            return;
        }
        found.made(Check.MAX_ACTIVE);
        List<AdmissionSample> over = samples.stream()
                .filter(s -> s.maxActive() > 0 && s.active() > s.maxActive())
                .toList();
        over.stream()
                .max(Comparator.comparingLong(s -> s.active() - s.maxActive()))
                .ifPresent(worst -> found.add(
                        Check.MAX_ACTIVE,
                        "%d of %d stats samples had more active players than maxActive; the worst at %s: active %d >"
                                + " maxActive %d (admitted %d)",
                        over.size(),
                        samples.size(),
                        worst.at(),
                        worst.active(),
                        worst.maxActive(),
                        worst.admitted()));
    }

    private static List<long[]> sellOut(RoundWindow round, List<BookingLedger.Row> confirmed) {
        List<BookingLedger.Row> inOrder = confirmed.stream()
                .sorted(Comparator.comparing(BookingLedger.Row::bookedAt).thenComparing(BookingLedger.Row::bookingId))
                .toList();
        List<long[]> points = new ArrayList<>(inOrder.size());
        for (int i = 0; i < inOrder.size(); i++) {
            points.add(new long[] {
                Duration.between(round.opensAt(), inOrder.get(i).bookedAt()).toMillis(), i + 1L
            });
        }
        return points;
    }

    private static List<long[]> settled(RoundWindow round, BookingLedger.Rows rows) {
        return Stream.concat(rows.confirmed().stream(), rows.rejected().stream())
                .sorted(Comparator.comparing(BookingLedger.Row::bookedAt).thenComparing(BookingLedger.Row::bookingId))
                .map(row -> new long[] {
                    Duration.between(round.opensAt(), row.bookedAt()).toMillis(),
                    Duration.between(round.opensAt(), row.settledAt()).toMillis()
                })
                .toList();
    }

    /** One entry per booking id; a later report of the same booking wins when it says more (a polled status). */
    private static Map<String, AcceptedBooking> latestPerBooking(List<AcceptedBooking> accepted) {
        Map<String, AcceptedBooking> byId = new LinkedHashMap<>();
        for (AcceptedBooking b : accepted) {
            byId.merge(b.bookingId(), b, (old, now) -> now.polledStatus() != null ? now : old);
        }
        return byId;
    }

    /** How many of these copies are bots'. */
    private static int bots(Collection<PendingCopy> copies) {
        return (int) copies.stream().filter(PendingCopy::bot).count();
    }

    private static Set<String> ids(List<BookingLedger.Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.bookingId()));
        return ids;
    }

    private static String who(AcceptedBooking b) {
        return "seat " + b.seatId() + ", ticket " + b.ticketId() + (b.bot() ? ", bot" : "");
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static String abbreviate(List<String> ids) {
        int shown = 5;
        return ids.size() <= shown
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, shown)) + " … (" + (ids.size() - shown) + " more)";
    }

    /**
     * Violations of one verdict, each with its check; at most {@link #LISTED} per check and round plus one line for
     * the rest. Also which checks the evidence allowed ({@link #made}).
     */
    private static final class Findings {

        private final String defaultRound;
        private final Map<Check, List<Finding>> listed = new EnumMap<>(Check.class);
        private final Map<Check, Map<String, Integer>> counted = new EnumMap<>(Check.class);
        private final Set<Check> made = EnumSet.noneOf(Check.class);

        Findings(String defaultRound) {
            this.defaultRound = defaultRound;
        }

        /** The evidence of these checks was read: what they found (maybe nothing) is their verdict. */
        void made(Check... checks) {
            made.addAll(List.of(checks));
        }

        Set<Check> made() {
            return Set.copyOf(made);
        }

        void add(Check check, String format, Object... args) {
            add(defaultRound, check, null, format, args);
        }

        /** A lost booking's violation, which an end that finds its row acquits. */
        void addAbout(Check check, String bookingId, String format, Object... args) {
            add(defaultRound, check, bookingId, format, args);
        }

        void add(String roundId, Check check, String bookingId, String format, Object... args) {
            int seen = counted.computeIfAbsent(check, i -> new TreeMap<>()).merge(roundId, 1, Integer::sum);
            if (seen <= LISTED) {
                listed.computeIfAbsent(check, i -> new ArrayList<>())
                        .add(new Finding(
                                check, bookingId, Violation.of(roundId, check.invariant, format.formatted(args))));
            }
        }

        /** In the order of the checks (that of {@link Invariant}), each check's in the order found. */
        List<Finding> findings() {
            List<Finding> all = new ArrayList<>();
            for (Check check : Check.values()) {
                all.addAll(listed.getOrDefault(check, List.of()));
                counted.getOrDefault(check, Map.of()).forEach((round, count) -> {
                    if (count > LISTED) {
                        all.add(new Finding(
                                check,
                                null,
                                Violation.of(
                                        round,
                                        check.invariant,
                                        "… and " + (count - LISTED) + " more " + check.invariant.code()
                                                + " violations in round " + round + " not listed")));
                    }
                });
            }
            return all;
        }

        List<Violation> violations() {
            return findings().stream().map(Finding::violation).toList();
        }
    }
}
