package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.config.Dependencies;
import dev.ticketingwarrior.booking.sale.domain.SeatLock;
import dev.ticketingwarrior.booking.sale.domain.SeatLocks;
import dev.ticketingwarrior.shared.round.RoundId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.RedissonFencedLock;
import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Seat locks on Redisson's {@link RFencedLock}: zero wait, lease = hold TTL, and the fencing token of each claim.
 *
 * <p>Redisson names a lock's owner {@code <client id>:<thread id>}. A hold outlives the request (and a virtual thread
 * may move between carriers), so the thread is the wrong owner: every claim passes a synthetic, random "thread id"
 * instead, and the resulting owner field is stored with the hold. Any instance can then check or release that exact
 * claim later with a compare-and-delete script, and a lease that ran out can never be released by its old holder.
 */
@Component
class RedissonSeatLocks implements SeatLocks {

    private final RedissonClient redis;
    private final Dependencies dependencies;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    RedissonSeatLocks(RedissonClient redis, Dependencies dependencies, BookingProperties properties) {
        this.redis = redis;
        this.dependencies = dependencies;
        this.timeout = properties.redis().timeout().multipliedBy(2);
    }

    @Override
    public Optional<SeatLock> tryLock(RoundId round, String seatId, Duration lease) {
        long ownerId = random.nextLong() & Long.MAX_VALUE;
        RFencedLock lock = redis.getFencedLock(new RoundKeys(round).seatLock(seatId));
        if (!(lock instanceof RedissonFencedLock fenced)) {
            throw new IllegalStateException("unexpected fenced lock implementation " + lock.getClass());
        }
        Long token = dependencies.redis(() -> {
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
        return Optional.ofNullable(token).map(t -> new SeatLock(seatId, redis.getId() + ":" + ownerId, t));
    }
}
