package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.TicketSeals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads debriefs and history. A debrief comes from MySQL once its round is archived, else from Redis while the round's
 * keys live; it is only given to the player the ticket is bound to (its nickname with the caller's secret), and is
 * otherwise indistinguishable from a ticket that does not exist. A ticket booking never saw (the round closed while
 * its player waited, or it was admitted and made no recorded call) is read from admission's record once its round is
 * closed, checked against the round's seal, and bound to the first player that asks, like a recorded one. The round's humans (for the costliest step and the
 * round's best) are read once per round and kept for {@code roundCacheTtl} on this instance.
 */
public class Debriefs {

    private static final Logger log = LoggerFactory.getLogger(Debriefs.class);
    /** Attempts listed in a history. */
    static final int HISTORY_SIZE = 100;

    private static final int CACHED_ROUNDS = 64;

    private final LiveAttempts live;
    private final ArchivedAttempts archive;
    private final AdmissionRecords admission;
    private final KeptOutcomes kept;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration roundCacheTtl;
    private final Map<RoundId, CachedHumans> humans = new ConcurrentHashMap<>();

    public Debriefs(
            LiveAttempts live,
            ArchivedAttempts archive,
            AdmissionRecords admission,
            KeptOutcomes kept,
            RoundClock clock,
            RoundRetention retention,
            Duration roundCacheTtl) {
        this.live = live;
        this.archive = archive;
        this.admission = admission;
        this.kept = kept;
        this.clock = clock;
        this.retention = retention;
        this.roundCacheTtl = roundCacheTtl;
    }

    /** The debrief of {@code ticketId} in {@code round}, if it is the ticket of the player of {@code secret}. */
    public Optional<Debrief> debrief(RoundId round, String ticketId, String secret) {
        Optional<Found> found = find(round, ticketId).or(() -> unseen(round, ticketId, secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AttemptResult result = found.get().result();
        Attempt attempt = result.attempt();
        PlayerId caller = PlayerId.of(attempt.nickname(), secret);
        if (!caller.sameAs(attempt.playerId())) {
            return Optional.empty();
        }
        Instant open = round.start();
        Steps steps = Steps.of(attempt, open);
        Long totalMs = Steps.totalMs(attempt, open);
        List<AttemptResult> roundHumans = humansOf(round, found.get().archived());
        Instant close = clock.round(round).closesAt();
        Optional<Instant> closed = clock.now().isBefore(close) ? Optional.empty() : Optional.of(close);
        BestBefore before = bestBefore(attempt.playerId(), round);
        Optional<Debrief.PersonalBest> previousBest = before.best();
        // a player the close caught on a step spent at least until then on it: that step can be the costliest
        Steps costed = closed.isEmpty() ? steps : Steps.untilClose(attempt, open, close);
        Optional<Debrief.Costliest> costliest = DebriefAssembly.costliest(
                costed,
                roundHumans.stream().map(h -> Steps.of(h.attempt(), open)).toList(),
                previousBest.map(Debrief.PersonalBest::steps),
                closed.flatMap(at -> Steps.stillOn(attempt)));
        Optional<Debrief.PersonalBest> current = result.outcome().won()
                ? Optional.of(new Debrief.PersonalBest(round.value(), totalMs, steps))
                : Optional.empty();
        Optional<Debrief.PersonalBest> personalBest = DebriefAssembly.better(previousBest, current);
        return Optional.of(new Debrief(
                round.value(),
                ticketId,
                attempt.nickname(),
                result.outcome().status(),
                new Debrief.Queue(attempt.queueNumber(), result.entered()),
                DebriefAssembly.timeline(attempt, result.outcome(), open, closed),
                steps,
                totalMs,
                costliest.orElse(null),
                new Debrief.Ghost(
                        personalBest.orElse(null),
                        previousBest.orElse(null),
                        DebriefAssembly.roundBest(roundHumans, open).orElse(null),
                        before.known()),
                DebriefAssembly.notAdmitted(attempt, open).orElse(null)));
    }

    /**
     * The attempts of the player of {@code nickname} (NFC, valid) and {@code secret}: the archived ones, and those of
     * rounds not archived yet (still in Redis), each once.
     */
    public History history(String nickname, String secret) {
        PlayerId player = PlayerId.of(nickname, secret);
        // MySQL before Redis: an archive that lands in between leaves the attempt in Redis only, never in both
        History.Totals totals = archive.totals(player);
        List<AttemptResult> archived = archive.ofPlayer(player, HISTORY_SIZE);
        Set<String> known = archived.stream().map(r -> key(r.attempt())).collect(Collectors.toSet());
        List<AttemptResult> unarchived = liveOf(player).stream()
                .filter(r -> !known.contains(key(r.attempt())))
                .toList();
        // newest round first: an attempt kept in Redis only (bound after its round's archive, its own write failed)
        // may be older than archived ones
        List<History.Entry> attempts = Stream.concat(unarchived.stream(), archived.stream())
                .sorted(Comparator.comparing((AttemptResult r) -> r.attempt().round())
                        .reversed())
                .limit(HISTORY_SIZE)
                .map(Debriefs::entry)
                .toList();
        long rounds = totals.rounds() + unarchived.size();
        long won = totals.won()
                + unarchived.stream().filter(r -> r.outcome().won()).count();
        History.Bests bests = totals.bests();
        Optional<Debrief.PersonalBest> personalBest = archive.personalBest(player, null);
        for (AttemptResult result : unarchived) {
            Attempt attempt = result.attempt();
            Instant open = attempt.round().start();
            Steps steps = Steps.of(attempt, open);
            Long total = result.outcome().won() ? Steps.totalMs(attempt, open) : null;
            bests = bests.with(steps, total);
            personalBest = DebriefAssembly.better(personalBest, won(result));
        }
        double wonPercent = rounds == 0 ? 0 : Math.round(1000.0 * won / rounds) / 10.0;
        return new History(nickname, rounds, won, wonPercent, personalBest.orElse(null), bests, attempts);
    }

    /**
     * Erases the player's attempts: first in every round whose keys may still live (so the archive cannot write them
     * again), then in MySQL. Idempotent.
     */
    public void erase(String nickname, String secret) {
        PlayerId player = PlayerId.of(nickname, secret);
        for (Round round : AttemptArchiver.rounds(clock, retention, clock.now())) {
            live.erase(round.id(), player);
        }
        archive.erase(player);
        humans.clear();
    }

    /** The player's attempts of the rounds whose keys may still live, newest first, with their outcome as it is now. */
    private List<AttemptResult> liveOf(PlayerId player) {
        List<RoundId> rounds = AttemptArchiver.rounds(clock, retention, clock.now()).stream()
                .map(Round::id)
                .toList();
        List<AttemptResult> results = new ArrayList<>();
        for (Attempt attempt : live.ofPlayer(rounds, player)) {
            results.add(new AttemptResult(
                    attempt,
                    live.entered(attempt.round()).orElse(null),
                    attempt.booked().map(b -> outcomeOf(b.bookingId())).orElseGet(attempt::unbooked)));
        }
        results.sort(
                Comparator.comparing((AttemptResult r) -> r.attempt().round()).reversed());
        return results;
    }

    /** A won attempt as a personal best; empty for one not won. */
    private static Optional<Debrief.PersonalBest> won(AttemptResult result) {
        Attempt attempt = result.attempt();
        Instant open = attempt.round().start();
        Long total = result.outcome().won() ? Steps.totalMs(attempt, open) : null;
        return total == null
                ? Optional.empty()
                : Optional.of(new Debrief.PersonalBest(attempt.round().value(), total, Steps.of(attempt, open)));
    }

    /**
     * The player's best won attempt among the rounds before {@code round} not archived yet (MySQL has the rest): a
     * round closed seconds ago is archived only after its grace, and its win is a best all the same.
     */
    private Optional<Debrief.PersonalBest> liveBestBefore(PlayerId player, RoundId round) {
        Optional<Debrief.PersonalBest> best = Optional.empty();
        for (AttemptResult result : liveOf(player)) {
            if (result.attempt().round().compareTo(round) < 0) {
                best = DebriefAssembly.better(best, won(result));
            }
        }
        return best;
    }

    /**
     * The player's best won attempt before {@code round}: MySQL's and that of the rounds not archived yet. A debrief
     * is still answered when either cannot be read, with the best from the other and {@code known} false: "no earlier
     * win" would then be a guess.
     */
    private BestBefore bestBefore(PlayerId player, RoundId round) {
        boolean known = true;
        Optional<Debrief.PersonalBest> stored = Optional.empty();
        try {
            stored = archive.personalBest(player, round);
        } catch (RuntimeException e) {
            log.debug("personal best not read: {}", e.toString());
            known = false;
        }
        Optional<Debrief.PersonalBest> live = Optional.empty();
        try {
            live = liveBestBefore(player, round);
        } catch (RuntimeException e) {
            log.debug("live personal best not read: {}", e.toString());
            known = false;
        }
        return new BestBefore(DebriefAssembly.better(stored, live), known);
    }

    private record BestBefore(Optional<Debrief.PersonalBest> best, boolean known) {}

    private static String key(Attempt attempt) {
        return attempt.round().value() + "/" + attempt.ticketId();
    }

    /**
     * The debrief's attempt of a ticket booking has no attempt of, once the round is closed, from admission's record
     * of the ticket (sealed by the round, a human's, with the nickname whose player asks): one it admitted that made
     * no call booking recorded (admitted in the last moments, or gone before its letter), or one that waited until
     * the close. The ticket is bound to the first player that asks, and recorded so the archive keeps it.
     */
    private Optional<Found> unseen(RoundId roundId, String ticketId, String secret) {
        OptionalLong queueNumber = TicketSeals.queueNumber(roundId, ticketId);
        if (queueNumber.isEmpty() || !clock.isRoundStart(roundId)) {
            return Optional.empty();
        }
        Round round = clock.round(roundId);
        if (clock.now().isBefore(round.closesAt())) {
            return Optional.empty();
        }
        Optional<AdmissionRecords.Record> found = admission.ticket(roundId, queueNumber.getAsLong());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AdmissionRecords.Record record = found.get();
        if (!TicketSeals.seals(record.sealSecret(), ticketId) || record.ticket().bot()) {
            return Optional.empty();
        }
        PlayerId caller = PlayerId.of(record.ticket().nickname(), secret);
        Optional<Attempt.NotAdmitted> closed = Optional.empty();
        if (record.admittedAt().isEmpty()) {
            if (record.served() >= queueNumber.getAsLong()
                    // the counter has not run to the close yet: the ticket may still be admitted by the last advance
                    || record.advancedUntil().isBefore(round.closesAt())) {
                return Optional.empty();
            }
            closed = Optional.of(new Attempt.NotAdmitted(
                    round.closesAt(),
                    record.served(),
                    record.lastAdmittedHumanEnteredAt()
                            .map(at -> DebriefAssembly.ms(round.opensAt(), at))
                            .orElse(null),
                    Math.max(0, record.served() - record.admittedBots())));
        }
        return bind(
                round,
                caller,
                Attempt.unseen(
                        roundId,
                        ticketId,
                        caller,
                        record.ticket().nickname(),
                        queueNumber.getAsLong(),
                        record.ticket().enteredAt(),
                        record.admittedAt(),
                        closed));
    }

    /** Binds {@code attempt} from admission's record to the first player that asks; found if that is the caller. */
    private Optional<Found> bind(Round round, PlayerId caller, Attempt attempt) {
        RoundId roundId = round.id();
        String ticketId = attempt.ticketId();
        Optional<PlayerId> bound = live.bindFromAdmission(attempt, retention.ttl(round));
        if (bound.isEmpty() || !bound.get().sameAs(caller)) {
            return Optional.empty();
        }
        Long entered = live.entered(roundId).orElse(null);
        if (live.archiveStarted(roundId)) {
            // the round's archive has run (or is running) without this attempt: write it the same way, once
            try {
                archive.save(List.of(attempt), entered);
            } catch (RuntimeException e) {
                log.debug("late attempt {} kept in Redis only: {}", ticketId, e.toString());
            }
        }
        return Optional.of(new Found(new AttemptResult(attempt, entered, attempt.unbooked()), false));
    }

    private Optional<Found> find(RoundId round, String ticketId) {
        Optional<AttemptResult> archived;
        try {
            archived = archive.find(round, ticketId);
        } catch (RuntimeException e) {
            // MySQL down: a live round is still read from Redis, its booking's outcome as Redis keeps it (or PENDING)
            Optional<Attempt> attempt = live.find(round, ticketId);
            if (attempt.isEmpty()) {
                throw e;
            }
            log.debug("debrief of {} read from Redis only: {}", ticketId, e.toString());
            return Optional.of(new Found(
                    new AttemptResult(
                            attempt.get(),
                            live.entered(round).orElse(null),
                            attempt.get()
                                    .booked()
                                    .map(b -> keptOutcome(b.bookingId()))
                                    .orElseGet(attempt.get()::unbooked)),
                    false));
        }
        if (archived.isPresent()) {
            return Optional.of(new Found(archived.get(), true));
        }
        return live.find(round, ticketId)
                .map(attempt -> new Found(
                        new AttemptResult(
                                attempt,
                                live.entered(round).orElse(null),
                                attempt.booked()
                                        .map(b -> outcomeOf(b.bookingId()))
                                        .orElseGet(attempt::unbooked)),
                        false));
    }

    /** The booking's outcome as MySQL has it; while MySQL does not answer, as Redis keeps it. */
    private Outcome outcomeOf(BookingId bookingId) {
        try {
            return archive.outcomeOf(bookingId);
        } catch (RuntimeException e) {
            log.debug("outcome of {} not read: {}", bookingId, e.toString());
            return keptOutcome(bookingId);
        }
    }

    /** CONFIRMED or REJECTED (without its time) if its row was written lately; else PENDING (the booking was accepted). */
    private Outcome keptOutcome(BookingId bookingId) {
        try {
            return kept.of(bookingId)
                    .map(status -> new Outcome(status, Optional.empty()))
                    .orElse(Outcome.PENDING);
        } catch (RuntimeException e) {
            log.debug("kept outcome of {} not read: {}", bookingId, e.toString());
            return Outcome.PENDING;
        }
    }

    /** The round's recorded humans: archived ones from MySQL, live ones from Redis (their outcome not looked up). */
    private List<AttemptResult> humansOf(RoundId round, boolean archived) {
        Instant now = clock.now();
        CachedHumans cached = humans.get(round);
        if (cached != null && cached.archived() == archived && now.isBefore(cached.until())) {
            return cached.humans();
        }
        List<AttemptResult> read = archived
                ? archive.ofRound(round)
                : live.ofRound(round).stream()
                        .map(a -> new AttemptResult(a, null, a.booked().isPresent() ? Outcome.PENDING : a.unbooked()))
                        .toList();
        if (humans.size() >= CACHED_ROUNDS) {
            humans.clear();
        }
        humans.put(round, new CachedHumans(read, archived, now.plus(roundCacheTtl)));
        return read;
    }

    private static History.Entry entry(AttemptResult result) {
        Attempt attempt = result.attempt();
        Instant open = attempt.round().start();
        return new History.Entry(
                attempt.round().value(),
                attempt.ticketId(),
                result.outcome().status(),
                Steps.totalMs(attempt, open),
                attempt.booked().map(Attempt.Booked::seatId).orElse(null),
                attempt.queueNumber(),
                result.entered(),
                Steps.of(attempt, open));
    }

    private record Found(AttemptResult result, boolean archived) {}

    private record CachedHumans(List<AttemptResult> humans, boolean archived, Instant until) {}
}
