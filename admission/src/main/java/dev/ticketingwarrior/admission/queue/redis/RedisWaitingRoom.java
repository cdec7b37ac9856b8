package dev.ticketingwarrior.admission.queue.redis;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.queue.domain.Claim;
import dev.ticketingwarrior.admission.queue.domain.EntryKey;
import dev.ticketingwarrior.admission.queue.domain.EntryLimit;
import dev.ticketingwarrior.admission.queue.domain.Nickname;
import dev.ticketingwarrior.admission.queue.domain.RoundSeal;
import dev.ticketingwarrior.admission.queue.domain.RoundStats;
import dev.ticketingwarrior.admission.queue.domain.ServingState;
import dev.ticketingwarrior.admission.queue.domain.Ticket;
import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.admission.queue.domain.WaitingRoom;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.WaitingTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link WaitingRoom} on Valkey/Redis: every operation is one atomic script call bounded by the Redis timeout. */
@Component
final class RedisWaitingRoom implements WaitingRoom {

    /** First element of {@code enter.lua}'s reply: a new ticket, the owner's ticket resumed, or someone else's. */
    private static final long CREATED = 1;

    private static final long TAKEN = -1;

    private static final long LIMITED = -2;

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final Duration retention;
    private final long activeTimeoutMillis;
    /** The keys of the round most calls are about, so the hot path builds no strings. */
    private final AtomicReference<RoundKeys> lastKeys = new AtomicReference<>();
    /**
     * The highest served count this instance has seen in the latest round it has seen: every script is given it, and
     * puts the round back there if Valkey lost it mid-round ({@code restore()} in serving.lua).
     */
    private final AtomicReference<Seen> seen = new AtomicReference<>();

    RedisWaitingRoom(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        this.redis = redis;
        this.timeout = properties.admission().redisTimeout();
        this.retention = properties.admission().keyRetention();
        this.activeTimeoutMillis = properties.admission().activeTimeout().toMillis();
    }

    @Override
    public Mono<Entry> enter(
            Round round,
            Nickname nickname,
            Claim claim,
            boolean bot,
            String client,
            Optional<EntryLimit> limit,
            String sealCandidate,
            Instant now,
            AdmissionSettings seed) {
        List<String> args = args(
                round,
                now,
                seed,
                nickname.value(),
                sealCandidate,
                bot ? "1" : "0",
                claim.ticketId().map(TicketId::value).orElse(""),
                Integer.toString(limit.map(EntryLimit::entries).orElse(0)),
                Long.toString(limit.map(l -> l.window().toMillis()).orElse(0L)),
                claim.entryKey().map(EntryKey::value).orElse(""),
                nickname.ownerKey());
        return call(Scripts.ENTER, keys(round.id()).forEntry(client), args).map(reply -> {
            long outcome = number(reply, 0);
            if (outcome == TAKEN) {
                return new Entry.Taken();
            }
            if (outcome == LIMITED) {
                return new Entry.Limited(Duration.ofMillis(Math.max(0, number(reply, 1))));
            }
            TicketId id = new TicketId(round.id(), text(reply, 1));
            return new Entry.Placed(
                    ticket(id, text(reply, 2)), outcome == CREATED, state(reply, 4), instant(text(reply, 3)));
        });
    }

    @Override
    public Mono<Standing> standing(Round round, TicketId ticketId, Instant now, AdmissionSettings seed) {
        return call(Scripts.STANDING, keys(round.id()).all(), args(round, now, seed, ticketId.value()))
                .filter(reply -> !reply.isEmpty())
                .map(reply -> {
                    String token = text(reply, 2);
                    return new Standing(
                            ticket(ticketId, text(reply, 0)),
                            state(reply, 3),
                            instant(text(reply, 1)),
                            token.isEmpty() ? Optional.empty() : Optional.of(token));
                });
    }

    @Override
    public Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed) {
        return call(Scripts.ADVANCE, keys(round.id()).all(), args(round, now, seed))
                .filter(reply -> !reply.isEmpty())
                .map(reply -> {
                    String seal = text(reply, 10);
                    return new Advance(
                            seen(round, state(reply, 0)),
                            Double.parseDouble(text(reply, 8)),
                            Instant.ofEpochMilli(number(reply, 9)),
                            seal.isEmpty() ? Optional.empty() : Optional.of(new RoundSeal(seal)));
                });
    }

    @Override
    public Mono<String> keepToken(Round round, TicketId ticketId, String token) {
        List<String> args = List.of(Long.toString(ticketId.queueNumber()), token, expireAt(round));
        return redis.execute(Scripts.KEEP_TOKEN, List.of(keys(round.id()).tokens()), args)
                .next()
                .timeout(timeout)
                .onErrorMap(RedisWaitingRoom::unavailable);
    }

    @Override
    public Mono<Long> applySettings(Round round, Instant now, AdmissionSettings seed, AdmissionSettings updated) {
        List<String> args = args(
                round,
                now,
                seed,
                Double.toString(updated.ratePerSecond()),
                Integer.toString(updated.openBatch()),
                Integer.toString(updated.maxActive()),
                updated.paused() ? "1" : "0");
        return redis.execute(Scripts.APPLY_SETTINGS, keys(round.id()).all(), args)
                .next()
                .timeout(timeout)
                .onErrorMap(RedisWaitingRoom::unavailable);
    }

    @Override
    public Mono<RoundStats> stats(Round round, Instant now, AdmissionSettings seed) {
        return call(Scripts.STATS, keys(round.id()).all(), args(round, now, seed))
                .filter(reply -> !reply.isEmpty())
                .map(reply -> {
                    ServingState state = seen(round, state(reply, 0));
                    long admittedBots = count(text(reply, 10));
                    return new RoundStats(
                            round,
                            state.entered(),
                            count(text(reply, 8)),
                            count(text(reply, 9)),
                            state.served(),
                            admittedBots,
                            state.served() - admittedBots,
                            state.waiting(),
                            number(reply, 13),
                            number(reply, 14),
                            number(reply, 15),
                            instant(text(reply, 11)).orElse(null),
                            instant(text(reply, 12)).orElse(null),
                            state.settings(),
                            state.newlyAdmitted());
                });
    }

    @SuppressWarnings("rawtypes")
    private Mono<List<?>> call(RedisScript<List> script, List<String> keys, List<String> args) {
        return redis.execute(script, keys, args)
                .next()
                .<List<?>>map(reply -> (List<?>) reply)
                .timeout(timeout)
                .onErrorMap(RedisWaitingRoom::unavailable);
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof DependencyUnavailableException
                ? error
                : new DependencyUnavailableException("waiting room store", error);
    }

    private RoundKeys keys(RoundId roundId) {
        RoundKeys cached = lastKeys.get();
        if (cached != null && cached.roundId().equals(roundId)) {
            return cached;
        }
        RoundKeys fresh = RoundKeys.of(roundId);
        lastKeys.set(fresh);
        return fresh;
    }

    private List<String> args(Round round, Instant now, AdmissionSettings seed, String... extra) {
        List<String> args = new ArrayList<>(10 + extra.length);
        args.add(Long.toString(now.toEpochMilli()));
        args.add(Long.toString(round.opensAt().toEpochMilli()));
        args.add(Long.toString(round.closesAt().toEpochMilli()));
        args.add(expireAt(round));
        args.add(Long.toString(activeTimeoutMillis));
        args.add(Double.toString(seed.ratePerSecond()));
        args.add(Integer.toString(seed.openBatch()));
        args.add(Integer.toString(seed.maxActive()));
        args.add(seed.paused() ? "1" : "0");
        Seen last = seen.get();
        args.add(last != null && last.round().equals(round.id()) ? Long.toString(last.served()) : "0");
        args.addAll(List.of(extra));
        return args;
    }

    private String expireAt(Round round) {
        return Long.toString(round.endsAt().plus(retention).getEpochSecond());
    }

    /**
     * Keeps in mind the count an advance wrote (the ticker's every tick, a stats read): what {@code restore()} puts
     * back. Not the count an entry or a status read answers: {@code peek()} predicts it without writing it.
     */
    private ServingState seen(Round round, ServingState state) {
        Seen last = seen.get();
        if (last == null || !last.round().equals(round.id()) || state.served() > last.served()) {
            seen.accumulateAndGet(new Seen(round.id(), state.served()), RedisWaitingRoom::later);
        }
        return state;
    }

    /** {@code served, entered, newly, newlyBots, rate, batch, maxActive, paused} from {@code offset}. */
    private static ServingState state(List<?> reply, int offset) {
        AdmissionSettings settings = new AdmissionSettings(
                Double.parseDouble(text(reply, offset + 4)),
                (int) number(reply, offset + 5),
                (int) number(reply, offset + 6),
                number(reply, offset + 7) == 1);
        return new ServingState(
                number(reply, offset),
                number(reply, offset + 1),
                number(reply, offset + 2),
                number(reply, offset + 3),
                settings);
    }

    /** The later round's count, or the higher count of the same round. */
    private static Seen later(Seen kept, Seen offered) {
        if (kept == null || offered.round().compareTo(kept.round()) > 0) {
            return offered;
        }
        return offered.round().equals(kept.round()) && offered.served() > kept.served() ? offered : kept;
    }

    private record Seen(RoundId round, long served) {}

    /** A ticket from the scripts' {@code queueNumber|} followed by its stored form ({@link WaitingTicket}). */
    private static Ticket ticket(TicketId id, String stored) {
        int bar = stored.indexOf('|');
        WaitingTicket ticket = WaitingTicket.parse(Long.parseLong(stored, 0, bar, 10), stored.substring(bar + 1));
        return new Ticket(id, new Nickname(ticket.nickname()), ticket.bot(), ticket.queueNumber(), ticket.enteredAt());
    }

    private static Optional<Instant> instant(String millis) {
        return millis.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
    }

    private static long count(String value) {
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static long number(List<?> reply, int index) {
        Object value = reply.get(index);
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static String text(List<?> reply, int index) {
        Object value = reply.get(index);
        return value == null ? "" : String.valueOf(value);
    }
}
