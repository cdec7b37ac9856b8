package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.booking.sale.domain.SeatLock;
import dev.ticketingwarrior.booking.sale.domain.SeatLocks;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.RedissonFencedLock;
import org.redisson.api.RFencedLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seat locks on Redisson's {@link RFencedLock}: zero wait, lease = hold TTL, and the fencing token of each claim.
 *
 * <p>Redisson names a lock's owner {@code <client id>:<thread id>}. A hold outlives the request (and a virtual thread
 * may move between carriers), so the thread is the wrong owner: every claim passes a synthetic, random "thread id"
 * instead, and the resulting owner field is stored with the hold. Any instance can then check or release that exact
 * claim later with a compare-and-delete script, and a lease that ran out can never be released by its old holder.
 *
 * <p>Redisson's lock script creates the lock's fencing counter ({@code redisson_lock_token:…}) with {@code INCR}, which
 * gives it no expiry; the hold script sets one right after, but a booking killed between the two would leave the
 * counter without one. So before the first claim of a seat in a round, this instance creates the counter itself with
 * the round's expiry ({@code scripts/sale/expiring-counter.lua}); {@code INCR} keeps it. If Valkey loses the round's
 * keys (a restart, a failover to an empty replica), a later claim's {@code INCR} makes the counter again without one:
 * a first token (1) for a seat this instance had already prepared, or a claim that failed, has the script run again.
 */
@Component
class RedissonSeatLocks implements SeatLocks {

    private static final Logger log = LoggerFactory.getLogger(RedissonSeatLocks.class);

    private final RedissonClient redis;
    private final Dependencies dependencies;
    private final Duration timeout;
    private final RoundClock rounds;
    private final RoundRetention retention;
    private final SecureRandom random = new SecureRandom();
    /** Counters this instance has created with an expiry, per round; rounds past are dropped. */
    private final Map<RoundId, Set<String>> counted = new ConcurrentHashMap<>();

    RedissonSeatLocks(
            RedissonClient redis,
            Dependencies dependencies,
            BookingProperties properties,
            RoundClock rounds,
            RoundRetention retention) {
        this.redis = redis;
        this.dependencies = dependencies;
        this.timeout = properties.redis().timeout().multipliedBy(2);
        this.rounds = rounds;
        this.retention = retention;
    }

    @Override
    public Optional<SeatLock> tryLock(RoundId round, String seatId, Duration lease) {
        boolean prepared = !expiringCounter(round, seatId);
        long ownerId = random.nextLong() & Long.MAX_VALUE;
        RFencedLock lock = redis.getFencedLock(new RoundKeys(round).seatLock(seatId));
        if (!(lock instanceof RedissonFencedLock fenced)) {
            throw new IllegalStateException("unexpected fenced lock implementation " + lock.getClass());
        }
        String owner = redis.getId() + ":" + ownerId;
        Long token;
        try {
            token = claim(fenced, seatId, lease, ownerId);
        } catch (RuntimeException e) {
            forget(round, seatId);
            giveBack(round, seatId, owner);
            throw e;
        }
        if (prepared && token != null && token == 1) {
            forget(round, seatId);
            try {
                expiringCounter(round, seatId);
            } catch (RuntimeException e) {
                // the claim stands (the hold script gives the counter its expiry too); the next claim tries again
            }
        }
        return Optional.ofNullable(token).map(t -> new SeatLock(seatId, owner, t));
    }

    /**
     * A claim that failed may still have taken the lock (its answer was lost, or came after the timeout), and no hold
     * will be recorded for it: left alone, the seat would stay locked, and shown free, until the lease ran out. The
     * lock is a hash whose one field is its owner, so deleting that field gives back this claim's lock and nobody
     * else's, in one plain command (a script not yet cached would need a second call, after the first timed out). It
     * is sent without waiting: Valkey runs it after the claim, and the request, which already waited out a timeout,
     * is answered now. One that fails too leaves the lock to its lease.
     */
    private void giveBack(RoundId round, String seatId, String owner) {
        redis.getMap(new RoundKeys(round).seatLock(seatId), StringCodec.INSTANCE)
                .fastRemoveAsync(owner)
                .whenComplete((removed, failed) -> {
                    if (failed != null) {
                        log.debug("seat {} of round {} not given back: {}", seatId, round, failed.toString());
                    }
                });
    }

    private Long claim(RedissonFencedLock fenced, String seatId, Duration lease, long ownerId) {
        return dependencies.redis(() -> {
            try {
                return fenced.tryLockAndGetTokenAsync(0, lease.toMillis(), TimeUnit.MILLISECONDS, ownerId)
                        .toCompletableFuture()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while claiming a seat", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("claiming seat " + seatId + " failed", e);
            }
        });
    }

    private void forget(RoundId round, String seatId) {
        Set<String> seats = counted.get(round);
        if (seats != null) {
            seats.remove(seatId);
        }
    }

    /** Prepares the seat's counter unless this instance did in this round; true if it ran the script. */
    private boolean expiringCounter(RoundId round, String seatId) {
        Set<String> seats = counted.get(round);
        if (seats == null) {
            // a new round: the counters of earlier ones are settled (never inside computeIfAbsent, which must not
            // change other mappings of the map)
            counted.keySet().removeIf(other -> other.compareTo(round) < 0);
            seats = counted.computeIfAbsent(round, id -> ConcurrentHashMap.newKeySet());
        }
        if (seats.contains(seatId)) {
            return false;
        }
        long ttlMs = retention.ttl(rounds.round(round)).toMillis();
        dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.EXPIRING_COUNTER,
                        RScript.ReturnType.LONG,
                        List.of(new RoundKeys(round).seatLockToken(seatId)),
                        String.valueOf(ttlMs)));
        seats.add(seatId);
        return true;
    }
}
