package dev.ticketingwarrior.booking.debrief.redis;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.debrief.domain.Attempt;
import dev.ticketingwarrior.booking.debrief.domain.LiveAttempts;
import dev.ticketingwarrior.booking.debrief.domain.SeatResult;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.edge.lua.LuaScripts;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The live attempts of a round in Redis ({@link DebriefKeys}): one Lua call records a player's call
 * ({@code scripts/debrief/record.lua}), reads are pipelined, and every key expires with the round's other keys.
 */
@Component
class RedisLiveAttempts implements LiveAttempts {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveAttempts.class);

    private static final String RECORD = LuaScripts.read("/scripts/debrief/record.lua");
    private static final String ERASE = LuaScripts.read("/scripts/debrief/erase.lua");
    private static final String BIND_FROM_ADMISSION = LuaScripts.read("/scripts/debrief/bind-from-admission.lua");

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisLiveAttempts(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public void record(RoundId round, Entrant entrant, Event event, Duration retention) {
        DebriefKeys keys = new DebriefKeys(round);
        String[] what = switch (event) {
            case LetterIssued issued -> new String[] {"ISSUED", ms(issued.at()), "", "", ""};
            case LetterAnswered answered ->
                new String[] {"ANSWERED", ms(answered.at()), answered.solved() ? "1" : "0", "", ""};
            case SeatTried seat ->
                new String[] {
                    "SEAT",
                    ms(seat.at()),
                    field(seat.seatId()),
                    seat.result().name(),
                    seat.heldAt().map(RedisLiveAttempts::ms).orElse("")
                };
        };
        dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        RECORD,
                        RScript.ReturnType.LONG,
                        List.of(
                                keys.attempt(entrant.ticketId()),
                                keys.seats(entrant.ticketId()),
                                keys.tickets(),
                                keys.players(),
                                keys.seatTakers()),
                        String.valueOf(retention.toMillis()),
                        entrant.ticketId(),
                        entrant.playerId().value(),
                        entrant.nickname(),
                        String.valueOf(entrant.queueNumber()),
                        ms(entrant.enteredAt()),
                        ms(entrant.admittedAt()),
                        what[0],
                        what[1],
                        what[2],
                        what[3],
                        what[4]));
    }

    @Override
    public Optional<PlayerId> bindFromAdmission(Attempt attempt, Duration retention) {
        Optional<Attempt.NotAdmitted> closed = attempt.notAdmitted();
        DebriefKeys keys = new DebriefKeys(attempt.round());
        String bound = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        BIND_FROM_ADMISSION,
                        RScript.ReturnType.VALUE,
                        List.of(
                                keys.attempt(attempt.ticketId()),
                                keys.tickets(),
                                keys.players(),
                                keys.ticketBookings()),
                        String.valueOf(retention.toMillis()),
                        attempt.ticketId(),
                        attempt.playerId().value(),
                        attempt.nickname(),
                        String.valueOf(attempt.queueNumber()),
                        ms(attempt.enteredAt()),
                        closed.map(c -> ms(c.closedAt())).orElse(""),
                        closed.map(c -> String.valueOf(c.served())).orElse(""),
                        closed.map(Attempt.NotAdmitted::admittedWithinMs)
                                .map(String::valueOf)
                                .orElse(""),
                        closed.map(c -> String.valueOf(c.admittedHumans())).orElse(""),
                        attempt.admittedAt().map(RedisLiveAttempts::ms).orElse("")));
        return bound == null || bound.isEmpty() ? Optional.empty() : Optional.of(new PlayerId(bound));
    }

    @Override
    public List<Attempt> ofPlayer(List<RoundId> rounds, PlayerId player) {
        if (rounds.isEmpty()) {
            return List.of();
        }
        BatchResult<?> result = dependencies.redis(() -> {
            RBatch batch = redis.createBatch();
            for (RoundId round : rounds) {
                batch.<String, String>getMap(new DebriefKeys(round).players(), StringCodec.INSTANCE)
                        .getAsync(player.value());
            }
            return batch.execute();
        });
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            Object ticket = result.getResponses().get(i);
            if (ticket != null) {
                find(rounds.get(i), ticket.toString()).ifPresent(attempts::add);
            }
        }
        return attempts;
    }

    @Override
    public boolean archiveStarted(RoundId round) {
        return dependencies.redis(() -> redis.getBucket(new DebriefKeys(round).archive(), StringCodec.INSTANCE)
                .isExists());
    }

    @Override
    public Optional<Attempt> find(RoundId round, String ticketId) {
        return read(round, List.of(ticketId)).stream().findFirst();
    }

    @Override
    public List<Attempt> ofRound(RoundId round) {
        Set<String> tickets =
                dependencies.redis(() -> redis.<String>getSet(new DebriefKeys(round).tickets(), StringCodec.INSTANCE)
                        .readAll());
        return read(round, List.copyOf(tickets));
    }

    /** Each ticket's attempt hash and seat list, all in one pipeline; tickets with no bound attempt are left out. */
    private List<Attempt> read(RoundId round, List<String> tickets) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        DebriefKeys keys = new DebriefKeys(round);
        BatchResult<?> result = dependencies.redis(() -> {
            RBatch batch = redis.createBatch();
            for (String ticket : tickets) {
                batch.<String, String>getMap(keys.attempt(ticket), StringCodec.INSTANCE)
                        .readAllMapAsync();
                batch.<String>getList(keys.seats(ticket), StringCodec.INSTANCE).readAllAsync();
            }
            return batch.execute();
        });
        List<?> responses = result.getResponses();
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) responses.get(2 * i);
            @SuppressWarnings("unchecked")
            List<String> seats = (List<String>) responses.get(2 * i + 1);
            attempt(round, tickets.get(i), fields, seats).ifPresent(attempts::add);
        }
        return attempts;
    }

    @Override
    public Optional<Long> entered(RoundId round) {
        String value =
                dependencies.redis(() -> redis.<String>getBucket(new DebriefKeys(round).entries(), StringCodec.INSTANCE)
                        .get());
        return Optional.ofNullable(value).map(Long::parseLong);
    }

    @Override
    public boolean claimArchive(RoundId round, Duration lease) {
        return dependencies.redis(() -> redis.<String>getBucket(new DebriefKeys(round).archive(), StringCodec.INSTANCE)
                .setIfAbsent("claimed", lease));
    }

    @Override
    public void archived(RoundId round, Duration retention) {
        dependencies.redis(() -> redis.<String>getBucket(new DebriefKeys(round).archive(), StringCodec.INSTANCE)
                .set("done", retention));
    }

    @Override
    public void erase(RoundId round, PlayerId player) {
        DebriefKeys keys = new DebriefKeys(round);
        dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        ERASE,
                        RScript.ReturnType.LONG,
                        List.of(keys.players(), keys.tickets()),
                        player.value(),
                        keys.attempt(""),
                        keys.seats("")));
    }

    /**
     * The attempt of one ticket from its hash and seat list; empty when it was never bound (or is erased). A ticket
     * the round closed on has {@code closedAt, served, admHumans} and maybe {@code admWithin} instead of {@code adm}.
     */
    static Optional<Attempt> attempt(RoundId round, String ticketId, Map<String, String> f, List<String> seats) {
        if (f == null || f.get("pid") == null || f.get("nick") == null) {
            return Optional.empty();
        }
        Optional<Instant> closedAt = instant(f.get("closedAt"));
        if (closedAt.isPresent()) {
            String within = f.get("admWithin");
            return Optional.of(Attempt.unseen(
                    round,
                    ticketId,
                    new PlayerId(f.get("pid")),
                    f.get("nick"),
                    Long.parseLong(f.getOrDefault("qn", "0")),
                    instant(f.get("qat")).orElseThrow(),
                    Optional.empty(),
                    Optional.of(new Attempt.NotAdmitted(
                            closedAt.get(),
                            Long.parseLong(f.getOrDefault("served", "0")),
                            within == null ? null : Long.valueOf(within),
                            Long.parseLong(f.getOrDefault("admHumans", "0"))))));
        }
        // the booking of the round whose keys hold the attempt (as complete.lua wrote it there)
        Optional<Attempt.Booked> booked = instant(f.get("bookedAt"))
                .map(at -> new Attempt.Booked(
                        at,
                        new BookingId(round, f.get("bookingId")),
                        f.get("bookedSeat"),
                        instant(f.get("bookedHeldAt")).orElse(at)));
        return Optional.of(new Attempt(
                round,
                ticketId,
                new PlayerId(f.get("pid")),
                f.get("nick"),
                Long.parseLong(f.getOrDefault("qn", "0")),
                instant(f.get("qat")).orElseThrow(),
                Optional.of(instant(f.get("adm")).orElseThrow()),
                instant(f.get("letterAt")),
                Integer.parseInt(f.getOrDefault("answers", "0")),
                seats == null
                        ? List.of()
                        : seats.stream()
                                .map(RedisLiveAttempts::seat)
                                .flatMap(Optional::stream)
                                .toList(),
                instant(f.get("lastSeatAt")),
                instant(f.get("heldAt")),
                booked,
                Optional.empty()));
    }

    /**
     * {@code atMs|seat|result|takerSinceMs|takerBot|takerNick}; the taker's three fields are absent when unknown. The
     * seat is as the player sent it ({@link #field}: an unknown seat's id may hold any character). A line that does not
     * read so (one written otherwise) is left out rather than failing every debrief and the archive of its round.
     */
    static Optional<Attempt.SeatAttempt> seat(String entry) {
        String[] p = entry.split("\\|", -1);
        try {
            Optional<Attempt.Taker> taker = p.length >= 6 && !p[3].isEmpty()
                    ? Optional.of(new Attempt.Taker(
                            p[5].isEmpty() ? Optional.empty() : Optional.of(p[5]),
                            "1".equals(p[4]),
                            Instant.ofEpochMilli(Long.parseLong(p[3]))))
                    : Optional.empty();
            return Optional.of(new Attempt.SeatAttempt(
                    Instant.ofEpochMilli(Long.parseLong(p[0])), unfield(p[1]), SeatResult.valueOf(p[2]), taker));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            log.warn("left out a seat attempt that does not read: {}", entry);
            return Optional.empty();
        }
    }

    /** A text as one field of a seat attempt's line: its {@code %} and {@code |} percent-encoded. */
    static String field(String text) {
        return text.replace("%", "%25").replace("|", "%7C");
    }

    private static String unfield(String field) {
        return field.replace("%7C", "|").replace("%25", "%");
    }

    private static Optional<Instant> instant(String epochMs) {
        return epochMs == null || epochMs.isEmpty()
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(epochMs)));
    }

    private static String ms(Instant at) {
        return String.valueOf(at.toEpochMilli());
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
