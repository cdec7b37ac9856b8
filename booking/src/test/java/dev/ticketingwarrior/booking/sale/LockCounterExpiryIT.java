package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.sale.domain.SeatLocks;
import dev.ticketingwarrior.booking.sale.redis.RoundKeys;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every key of a round expires (SPEC §3), also the fencing counter Redisson keeps beside a seat's lock when the hold
 * that took the lock is then refused. The soak's auditor found such counters without a TTL after contended rounds.
 */
class LockCounterExpiryIT {

    private static final BookingStack world = BookingStack.get();

    @Test
    void aHoldRefusedAfterItsLockWasTakenLeavesNoKeyWithoutExpiry() {
        ConfigurableApplicationContext app = world.first();
        Api api = world.api(app);
        Round round = world.freshRound();
        String player = world.token(round, BookingStack.ticket(), "counter", false);
        solveCaptcha(api, player);
        String holdId = hold(api, player, round, "C-1").json().path("holdId").asString();
        assertThat(book(api, player, holdId).status()).isEqualTo(202);

        // a seat nobody locked before: the lock (and its counter) is taken, then the hold refused (already booked)
        assertThat(hold(api, player, round, "C-2").status()).isEqualTo(409);

        long ttl = app.getBean(RedissonClient.class)
                .getBucket(new RoundKeys(round.id()).seatLockToken("C-2"), StringCodec.INSTANCE)
                .remainTimeToLive();
        assertThat(ttl)
                .as("ms left of the seat lock's fencing counter (-1: no expiry)")
                .isPositive();
    }

    /** What a booking killed right after its lock call leaves: the lock's counter, which must expire all the same. */
    @Test
    void aLockWhoseHoldNeverRegisteredLeavesACounterThatExpires() {
        ConfigurableApplicationContext app = world.first();
        Round round = world.freshRound();

        assertThat(app.getBean(SeatLocks.class).tryLock(round.id(), "C-9", Duration.ofSeconds(20)))
                .isPresent();

        long ttl = app.getBean(RedissonClient.class)
                .getBucket(new RoundKeys(round.id()).seatLockToken("C-9"), StringCodec.INSTANCE)
                .remainTimeToLive();
        assertThat(ttl)
                .as("ms left of the seat lock's fencing counter (-1: no expiry)")
                .isPositive();
    }

    /** Valkey lost the round's keys after this instance prepared the seat's counter: a new claim makes it again. */
    @Test
    void aCounterValkeyLostIsMadeAgainWithItsExpiry() {
        ConfigurableApplicationContext app = world.first();
        Round round = world.freshRound();
        SeatLocks locks = app.getBean(SeatLocks.class);
        RedissonClient redis = app.getBean(RedissonClient.class);
        RoundKeys keys = new RoundKeys(round.id());
        assertThat(locks.tryLock(round.id(), "C-8", Duration.ofSeconds(20))).isPresent();

        assertThat(redis.getKeys().delete(keys.seatLock("C-8"), keys.seatLockToken("C-8")))
                .isEqualTo(2);
        assertThat(locks.tryLock(round.id(), "C-8", Duration.ofSeconds(20)))
                .hasValueSatisfying(lock -> assertThat(lock.fencingToken()).isOne());

        long ttl =
                redis.getBucket(keys.seatLockToken("C-8"), StringCodec.INSTANCE).remainTimeToLive();
        assertThat(ttl)
                .as("ms left of the seat lock's fencing counter (-1: no expiry)")
                .isPositive();
    }
}
