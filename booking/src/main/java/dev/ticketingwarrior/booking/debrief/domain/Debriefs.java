package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads debriefs and history. A debrief comes from MySQL once its round is archived, else from Redis while the round's
 * keys live; it is only given to the player the ticket is bound to (its nickname with the caller's secret), and is
 * otherwise indistinguishable from a ticket that does not exist. The round's humans (for the costliest step and the
 * round's best) are read once per round and kept for {@code roundCacheTtl} on this instance.
 */
public class Debriefs {

    private static final Logger log = LoggerFactory.getLogger(Debriefs.class);
    /** Attempts listed in a history. */
    static final int HISTORY_SIZE = 100;

    private static final int CACHED_ROUNDS = 64;

    private final LiveAttempts live;
    private final ArchivedAttempts archive;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Duration roundCacheTtl;
    private final Map<RoundId, CachedHumans> humans = new ConcurrentHashMap<>();

    public Debriefs(
            LiveAttempts live,
            ArchivedAttempts archive,
            RoundClock clock,
            RoundRetention retention,
            Duration roundCacheTtl) {
        this.live = live;
        this.archive = archive;
        this.clock = clock;
        this.retention = retention;
        this.roundCacheTtl = roundCacheTtl;
    }

    /** The debrief of {@code ticketId} in {@code round}, if it is the ticket of the player of {@code secret}. */
    public Optional<Debrief> debrief(RoundId round, String ticketId, String secret) {
        Optional<Found> found = find(round, ticketId);
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
        Optional<Debrief.Costliest> costliest = DebriefAssembly.costliest(
                steps,
                roundHumans.stream().map(h -> Steps.of(h.attempt(), open)).toList());
        Optional<Debrief.PersonalBest> current = result.outcome().won()
                ? Optional.of(new Debrief.PersonalBest(round.value(), totalMs, steps))
                : Optional.empty();
        Optional<Debrief.PersonalBest> personalBest =
                DebriefAssembly.better(storedBest(attempt.playerId(), round), current);
        return Optional.of(new Debrief(
                round.value(),
                ticketId,
                attempt.nickname(),
                result.outcome().status(),
                new Debrief.Queue(attempt.queueNumber(), result.entered()),
                DebriefAssembly.timeline(attempt, result.outcome(), open),
                steps,
                totalMs,
                costliest.orElse(null),
                new Debrief.Ghost(
                        personalBest.orElse(null),
                        DebriefAssembly.roundBest(roundHumans, open).orElse(null))));
    }

    /** The archived attempts of the player of {@code nickname} (NFC, valid) and {@code secret}. */
    public History history(String nickname, String secret) {
        PlayerId player = PlayerId.of(nickname, secret);
        History.Totals totals = archive.totals(player);
        List<History.Entry> attempts = archive.ofPlayer(player, HISTORY_SIZE).stream()
                .map(Debriefs::entry)
                .toList();
        double wonPercent = totals.rounds() == 0 ? 0 : Math.round(1000.0 * totals.won() / totals.rounds()) / 10.0;
        return new History(
                nickname,
                totals.rounds(),
                totals.won(),
                wonPercent,
                archive.personalBest(player, null).orElse(null),
                totals.bests(),
                attempts);
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

    private Optional<Found> find(RoundId round, String ticketId) {
        Optional<AttemptResult> archived;
        try {
            archived = archive.find(round, ticketId);
        } catch (RuntimeException e) {
            // MySQL down: a live round is still read from Redis, its booking's outcome shown as PENDING
            Optional<Attempt> attempt = live.find(round, ticketId);
            if (attempt.isEmpty()) {
                throw e;
            }
            log.debug("debrief of {} read from Redis only: {}", ticketId, e.toString());
            return Optional.of(new Found(
                    new AttemptResult(
                            attempt.get(),
                            live.entered(round).orElse(null),
                            attempt.get().booked().isPresent() ? Outcome.PENDING : Outcome.NO_SEAT),
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
                                        .orElse(Outcome.NO_SEAT)),
                        false));
    }

    /** The booking's outcome as MySQL has it; PENDING while MySQL does not answer (the booking was accepted). */
    private Outcome outcomeOf(String bookingId) {
        try {
            return archive.outcomeOf(bookingId);
        } catch (RuntimeException e) {
            log.debug("outcome of {} not read: {}", bookingId, e.toString());
            return Outcome.PENDING;
        }
    }

    private Optional<Debrief.PersonalBest> storedBest(PlayerId player, RoundId round) {
        try {
            return archive.personalBest(player, round);
        } catch (RuntimeException e) {
            log.debug("personal best not read: {}", e.toString());
            return Optional.empty();
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
                        .map(a ->
                                new AttemptResult(a, null, a.booked().isPresent() ? Outcome.PENDING : Outcome.NO_SEAT))
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
