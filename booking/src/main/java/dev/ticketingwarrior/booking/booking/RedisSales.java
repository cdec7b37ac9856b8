package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.confirmation.BookingConfirmationMessage;
import dev.ticketingwarrior.booking.hold.HoldRecord;
import dev.ticketingwarrior.booking.resilience.Dependencies;
import dev.ticketingwarrior.booking.store.RoundKeys;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Sells in one Lua script: ticket not booked, lock still ours, seat not sold → sold + booked + pending record. */
@Component
class RedisSales implements Sales {

    // KEYS: lock, sold, ticketBooking, pendingBooking ; ARGV: owner, seat, ticket, bookingId, retentionMs, json
    private static final String SELL = """
            if redis.call('hexists', KEYS[3], ARGV[3]) == 1 then return 'ALREADY_BOOKED' end
            if redis.call('hexists', KEYS[1], ARGV[1]) == 0 then return 'HOLD_EXPIRED' end
            if redis.call('hsetnx', KEYS[2], ARGV[2], ARGV[4]) == 0 then return 'SEAT_TAKEN' end
            redis.call('hset', KEYS[3], ARGV[3], ARGV[4])
            redis.call('set', KEYS[4], ARGV[6], 'PX', ARGV[5])
            redis.call('pexpire', KEYS[2], ARGV[5])
            redis.call('pexpire', KEYS[3], ARGV[5])
            return 'SOLD'
            """;

    // KEYS: sold, ticketBooking, pendingBooking ; ARGV: seat, ticket, bookingId
    private static final String UNSELL = """
            if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[3] then redis.call('hdel', KEYS[1], ARGV[1]) end
            if redis.call('hget', KEYS[2], ARGV[2]) == ARGV[3] then redis.call('hdel', KEYS[2], ARGV[2]) end
            redis.call('del', KEYS[3])
            return 1
            """;

    private final RedissonClient redis;
    private final Dependencies dependencies;
    private final JsonMapper json;

    RedisSales(RedissonClient redis, Dependencies dependencies, JsonMapper json) {
        this.redis = redis;
        this.dependencies = dependencies;
        this.json = json;
    }

    @Override
    public Sale sell(RoundId round, HoldRecord hold, BookingConfirmationMessage booking, Duration retention) {
        RoundKeys keys = new RoundKeys(round);
        String body = json.writeValueAsString(booking);
        String result = dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        SELL,
                        RScript.ReturnType.STRING,
                        List.of(
                                keys.seatLock(hold.seatId()),
                                keys.soldSeats(),
                                keys.ticketBookings(),
                                keys.pendingBooking(booking.bookingId())),
                        hold.owner(),
                        hold.seatId(),
                        hold.ticketId(),
                        booking.bookingId(),
                        String.valueOf(retention.toMillis()),
                        body));
        return Sale.valueOf(String.valueOf(result));
    }

    @Override
    public void unsell(RoundId round, HoldRecord hold, String bookingId) {
        RoundKeys keys = new RoundKeys(round);
        dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        UNSELL,
                        RScript.ReturnType.LONG,
                        List.of(keys.soldSeats(), keys.ticketBookings(), keys.pendingBooking(bookingId)),
                        hold.seatId(),
                        hold.ticketId(),
                        bookingId));
    }

    @Override
    public Optional<String> bookingOf(RoundId round, String ticketId) {
        return Optional.ofNullable(dependencies.redis(
                () -> redis.<String, String>getMap(new RoundKeys(round).ticketBookings(), StringCodec.INSTANCE)
                        .get(ticketId)));
    }

    @Override
    public Optional<BookingConfirmationMessage> pending(RoundId round, String bookingId) {
        String body = dependencies.redis(
                () -> redis.<String>getBucket(new RoundKeys(round).pendingBooking(bookingId), StringCodec.INSTANCE)
                        .get());
        return Optional.ofNullable(body).map(text -> json.readValue(text, BookingConfirmationMessage.class));
    }
}
