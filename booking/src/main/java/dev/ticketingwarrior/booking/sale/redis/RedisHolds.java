package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.round.redis.AttemptKeys;
import dev.ticketingwarrior.booking.sale.domain.HoldRecord;
import dev.ticketingwarrior.booking.sale.domain.Holds;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
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
 * The scripts are {@code scripts/sale/register-hold.lua}, {@code release-hold.lua} and {@code clear-abandoned.lua}.
 */
@Component
class RedisHolds implements Holds {

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisHolds(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public Registration register(
            RoundId round,
            HoldRecord hold,
            Holder holder,
            Duration lease,
            Duration retention,
            boolean requireSoldKnown) {
        RoundKeys keys = new RoundKeys(round);
        AttemptKeys attempts = new AttemptKeys(round);
        // the hold record outlives its lease a little, so booking can still say "your hold expired"
        Duration recordTtl = lease.plusMinutes(1);
        List<Object> result = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.REGISTER_HOLD,
                        RScript.ReturnType.LIST,
                        List.of(
                                keys.seatLock(hold.seatId()),
                                keys.seatLockToken(hold.seatId()),
                                keys.soldSeats(),
                                keys.heldSeats(),
                                keys.ticketHolds(),
                                keys.hold(hold.holdId()),
                                keys.ticketBookings(),
                                attempts.seatTakers(),
                                keys.finishedPlayers(),
                                SharedRoundKeys.activePlayers(round),
                                SharedRoundKeys.abandonedPlayers(round),
                                keys.soldRestored(),
                                SharedRoundKeys.serving(round)),
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
                        keys.seatLockPrefix(),
                        holder.bot() ? "1" : "0",
                        holder.bot() ? "" : holder.nickname(),
                        requireSoldKnown ? "1" : "0"));
        return switch (String.valueOf(result.getFirst())) {
            case "OK" -> {
                String previous = result.size() > 1 ? String.valueOf(result.get(1)) : "";
                yield new Registered(previous.isEmpty() ? Optional.empty() : Optional.of(previous));
            }
            case "SOLD" -> new SeatSold();
            case "BOOKED" -> new TicketBooked();
            case "UNKNOWN" -> new SoldSeatsUnknown();
            case "RELEASED" -> new PlaceReleased();
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
                        Scripts.RELEASE_HOLD,
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
                        finished ? "released" : "0",
                        String.valueOf(retention.toMillis())));
        return existed != null && existed > 0;
    }

    @Override
    public int clearAbandoned(RoundId round, Instant now) {
        RoundKeys keys = new RoundKeys(round);
        Long cleared = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.CLEAR_ABANDONED,
                        RScript.ReturnType.LONG,
                        List.of(keys.ticketHolds(), keys.heldSeats(), keys.ticketBookings()),
                        String.valueOf(now.toEpochMilli()),
                        keys.holdPrefix()));
        return cleared == null ? 0 : cleared.intValue();
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
