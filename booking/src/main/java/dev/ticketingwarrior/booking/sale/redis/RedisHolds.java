package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.config.Dependencies;
import dev.ticketingwarrior.booking.sale.domain.HoldRecord;
import dev.ticketingwarrior.booking.sale.domain.Holds;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Holds in Redis hashes, changed only by Lua scripts so a hold, its lock, the seat map and the ticket's pointer move
 * together. All keys share the round's hash tag; the previous hold's keys are derived inside the script (same slot).
 */
@Component
class RedisHolds implements Holds {

    // KEYS: lock, lockToken, sold, held, ticketHold, newHold, ticketBooking
    // ARGV: owner, seat, holdId, ticket, token, heldAt, expiresAt, holdTtlMs, retentionMs, holdPrefix, lockPrefix
    private static final String REGISTER = """
            if redis.call('hexists', KEYS[1], ARGV[1]) == 0 then return {'LOST'} end
            if redis.call('hexists', KEYS[3], ARGV[2]) == 1 then
              redis.call('del', KEYS[1]); return {'SOLD'} end
            if redis.call('hexists', KEYS[7], ARGV[4]) == 1 then
              redis.call('del', KEYS[1]); return {'BOOKED'} end
            local prev = redis.call('hget', KEYS[5], ARGV[4])
            if prev then
              local pkey = ARGV[10] .. prev
              local pseat = redis.call('hget', pkey, 'seat')
              local powner = redis.call('hget', pkey, 'owner')
              if pseat then
                local plock = ARGV[11] .. pseat
                if powner and redis.call('hexists', plock, powner) == 1 then redis.call('del', plock) end
                local held = redis.call('hget', KEYS[4], pseat)
                if held and string.find(held, prev .. '|', 1, true) == 1 then redis.call('hdel', KEYS[4], pseat) end
              end
              redis.call('del', pkey)
            end
            redis.call('hset', KEYS[6], 'ticket', ARGV[4], 'seat', ARGV[2], 'owner', ARGV[1], 'token', ARGV[5],
              'heldAt', ARGV[6], 'expiresAt', ARGV[7])
            redis.call('pexpire', KEYS[6], ARGV[8])
            redis.call('hset', KEYS[4], ARGV[2], ARGV[3] .. '|' .. ARGV[7])
            redis.call('hset', KEYS[5], ARGV[4], ARGV[3])
            redis.call('pexpire', KEYS[4], ARGV[9])
            redis.call('pexpire', KEYS[5], ARGV[9])
            redis.call('pexpire', KEYS[2], ARGV[9])
            return {'OK', prev or ''}
            """;

    // KEYS: lock, held, hold, ticketHold, finished
    // ARGV: owner, seat, ticket, holdId, finished(0/1), retentionMs
    private static final String CLOSE = HoldScripts.CLOSE_HOLD_FUNCTION + """
            return close_hold(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5],
              ARGV[6])
            """;

    // KEYS: ticketHold, held, ticketBooking, finished ; ARGV: nowMs, holdPrefix, retentionMs
    private static final String REPORT_ABANDONED = """
            local entries = redis.call('hgetall', KEYS[1])
            local reported = 0
            for i = 1, #entries, 2 do
              local ticket, holdId = entries[i], entries[i + 1]
              local fields = redis.call('hmget', ARGV[2] .. holdId, 'expiresAt', 'seat')
              local expiresAt = tonumber(fields[1])
              if expiresAt == nil or expiresAt <= tonumber(ARGV[1]) then
                redis.call('hdel', KEYS[1], ticket)
                if fields[2] then
                  local held = redis.call('hget', KEYS[2], fields[2])
                  if held and string.find(held, holdId .. '|', 1, true) == 1 then redis.call('hdel', KEYS[2], fields[2]) end
                end
                if redis.call('hexists', KEYS[3], ticket) == 0 and redis.call('sadd', KEYS[4], ticket) == 1 then
                  reported = reported + 1
                end
              end
            end
            if reported > 0 then redis.call('pexpire', KEYS[4], ARGV[3]) end
            return reported
            """;

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisHolds(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public Registration register(RoundId round, HoldRecord hold, Duration lease, Duration retention) {
        RoundKeys keys = new RoundKeys(round);
        // the hold record outlives its lease a little, so booking can still say "your hold expired"
        Duration recordTtl = lease.plusMinutes(1);
        List<Object> result = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        REGISTER,
                        RScript.ReturnType.LIST,
                        List.of(
                                keys.seatLock(hold.seatId()),
                                keys.seatLockToken(hold.seatId()),
                                keys.soldSeats(),
                                keys.heldSeats(),
                                keys.ticketHolds(),
                                keys.hold(hold.holdId()),
                                keys.ticketBookings()),
                        hold.owner(),
                        hold.seatId(),
                        hold.holdId(),
                        hold.ticketId(),
                        String.valueOf(hold.fencingToken()),
                        String.valueOf(hold.heldAt().toEpochMilli()),
                        String.valueOf(hold.expiresAt().toEpochMilli()),
                        String.valueOf(recordTtl.toMillis()),
                        String.valueOf(retention.toMillis()),
                        keys.holdPrefix(),
                        keys.seatLockPrefix()));
        return switch (String.valueOf(result.getFirst())) {
            case "OK" -> {
                String previous = result.size() > 1 ? String.valueOf(result.get(1)) : "";
                yield new Registered(previous.isEmpty() ? Optional.empty() : Optional.of(previous));
            }
            case "SOLD" -> new SeatSold();
            case "BOOKED" -> new TicketBooked();
            default -> new LockLost();
        };
    }

    @Override
    public Optional<HoldRecord> find(RoundId round, String holdId) {
        Map<String, String> fields = dependencies.redis(
                () -> redis.<String, String>getMap(new RoundKeys(round).hold(holdId), StringCodec.INSTANCE)
                        .readAllMap());
        if (fields.isEmpty() || fields.get("seat") == null) {
            return Optional.empty();
        }
        return Optional.of(new HoldRecord(
                holdId,
                fields.get("ticket"),
                fields.get("seat"),
                fields.get("owner"),
                Long.parseLong(fields.get("token")),
                Instant.ofEpochMilli(Long.parseLong(fields.get("heldAt"))),
                Instant.ofEpochMilli(Long.parseLong(fields.get("expiresAt")))));
    }

    @Override
    public Optional<HoldRecord> currentOf(RoundId round, String ticketId) {
        String holdId = dependencies.redis(
                () -> redis.<String, String>getMap(new RoundKeys(round).ticketHolds(), StringCodec.INSTANCE)
                        .get(ticketId));
        return holdId == null ? Optional.empty() : find(round, holdId);
    }

    @Override
    public boolean close(RoundId round, HoldRecord hold, boolean finished, Duration retention) {
        RoundKeys keys = new RoundKeys(round);
        Long existed = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        CLOSE,
                        RScript.ReturnType.LONG,
                        List.of(
                                keys.seatLock(hold.seatId()),
                                keys.heldSeats(),
                                keys.hold(hold.holdId()),
                                keys.ticketHolds(),
                                keys.finishedPlayers()),
                        hold.owner(),
                        hold.seatId(),
                        hold.ticketId(),
                        hold.holdId(),
                        finished ? "1" : "0",
                        String.valueOf(retention.toMillis())));
        return existed != null && existed > 0;
    }

    @Override
    public int reportAbandoned(RoundId round, Instant now, Duration retention) {
        RoundKeys keys = new RoundKeys(round);
        Long reported = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        REPORT_ABANDONED,
                        RScript.ReturnType.LONG,
                        List.of(keys.ticketHolds(), keys.heldSeats(), keys.ticketBookings(), keys.finishedPlayers()),
                        String.valueOf(now.toEpochMilli()),
                        keys.holdPrefix(),
                        String.valueOf(retention.toMillis())));
        return reported == null ? 0 : reported.intValue();
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
