package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeat;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.booking.round.redis.AttemptKeys;
import dev.ticketingwarrior.booking.sale.domain.HoldRecord;
import dev.ticketingwarrior.booking.sale.domain.KeptBookings;
import dev.ticketingwarrior.booking.sale.domain.Sale;
import dev.ticketingwarrior.booking.sale.domain.Sales;
import dev.ticketingwarrior.booking.sale.domain.SoldSeatCopies;
import dev.ticketingwarrior.shared.round.RoundId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sales and Idempotency-Key answers in Lua scripts under the round's hash tag. A key's answer is a hash (fingerprint,
 * done, outcome, booking, seat) under a digest of the client's key. The hold's lock key is derived inside the script
 * from the hold's seat (same hash tag, so the same cluster slot). The scripts are {@code scripts/sale/sell.lua},
 * {@code complete.lua}, {@code resolve.lua} and {@code undo.lua}.
 */
@Component
class RedisSales implements Sales, KeptBookings, SoldSeatCopies {

    private final RedissonClient redis;
    private final Dependencies dependencies;
    private final JsonMapper json;
    /** Read leniently ({@link PendingCopy#reader}), as are the open sales. */
    private final ObjectReader copies;

    private final ObjectReader openSales;

    RedisSales(RedissonClient redis, Dependencies dependencies, JsonMapper json) {
        this.redis = redis;
        this.dependencies = dependencies;
        this.json = json;
        this.copies = PendingCopy.reader(json);
        this.openSales = OpenSaleRecord.reader(json);
    }

    @Override
    public Attempt sell(RoundId round, KeyedRequest request, String holdId, Buyer buyer, Retention retention) {
        RoundKeys keys = new RoundKeys(round);
        String record = json.writeValueAsString(OpenSaleRecord.of(request, holdId, buyer));
        List<Object> result = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.SELL,
                        RScript.ReturnType.LIST,
                        List.of(
                                answerKey(keys, request),
                                keys.hold(holdId == null ? "" : holdId),
                                keys.ticketBookings(),
                                keys.soldSeats(),
                                keys.openSales(),
                                keys.openSaleRecords()),
                        request.fingerprint(),
                        request.ticketId(),
                        buyer.bookingId().value(),
                        keys.seatLockPrefix(),
                        String.valueOf(retention.answer().toMillis()),
                        String.valueOf(retention.sale().toMillis()),
                        String.valueOf(buyer.bookedAt().toEpochMilli()),
                        record));
        String head = String.valueOf(result.getFirst());
        return switch (head) {
            case "SOLD" -> {
                HoldRecord hold = new HoldRecord(
                        holdId,
                        request.ticketId(),
                        text(result, 1),
                        text(result, 2),
                        Long.parseLong(text(result, 3)),
                        Instant.ofEpochMilli(Long.parseLong(text(result, 4))),
                        Instant.ofEpochMilli(Long.parseLong(text(result, 5))));
                yield new Sold(new OpenSale(round, request, hold, buyer.booking(hold), retention));
            }
            case "ANSWERED" -> answered(round, result);
            default -> new Refused(Outcome.valueOf(head), emptyToNull(text(result, 1)));
        };
    }

    @Override
    public void resolve(RoundId round, KeyedRequest request, BookingId bookingId, String seatId, Retention retention) {
        RoundKeys keys = new RoundKeys(round);
        dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.RESOLVE,
                        RScript.ReturnType.LONG,
                        List.of(answerKey(keys, request), keys.openSales(), keys.openSaleRecords()),
                        request.fingerprint(),
                        bookingId.value(),
                        seatId,
                        String.valueOf(retention.answer().toMillis())));
    }

    private void close(OpenSale sale, Outcome outcome) {
        RoundKeys keys = new RoundKeys(sale.round);
        HoldRecord hold = sale.hold();
        AcceptedBooking booking = sale.booking();
        String body = json.writeValueAsString(PendingCopy.of(booking));
        dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.COMPLETE,
                        RScript.ReturnType.LONG,
                        List.of(
                                answerKey(keys, sale.request),
                                keys.pendingBooking(booking.id().value()),
                                keys.seatLock(hold.seatId()),
                                keys.heldSeats(),
                                keys.hold(hold.holdId()),
                                keys.ticketHolds(),
                                keys.finishedPlayers(),
                                keys.openSales(),
                                keys.openSaleRecords(),
                                new AttemptKeys(sale.round).attempt(hold.ticketId())),
                        sale.request.fingerprint(),
                        booking.id().value(),
                        hold.seatId(),
                        body,
                        String.valueOf(sale.retention.pending().toMillis()),
                        String.valueOf(sale.retention.answer().toMillis()),
                        hold.owner(),
                        hold.ticketId(),
                        hold.holdId(),
                        outcome.name(),
                        String.valueOf(booking.bookedAt().toEpochMilli()),
                        String.valueOf(booking.heldAt().toEpochMilli())));
    }

    private void undo(OpenSale sale) {
        RoundKeys keys = new RoundKeys(sale.round);
        dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.UNDO,
                        RScript.ReturnType.LONG,
                        List.of(
                                keys.soldSeats(),
                                keys.ticketBookings(),
                                answerKey(keys, sale.request),
                                keys.openSales(),
                                keys.openSaleRecords()),
                        sale.hold().seatId(),
                        sale.hold().ticketId(),
                        sale.booking().id().value()));
    }

    @Override
    public List<Sale> claimOpen(RoundId round, Instant soldBefore, Instant now, int limit, Retention retention) {
        RoundKeys keys = new RoundKeys(round);
        List<Object> records = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.CLAIM_OPEN,
                        RScript.ReturnType.LIST,
                        List.of(keys.openSales(), keys.openSaleRecords()),
                        String.valueOf(soldBefore.toEpochMilli()),
                        String.valueOf(now.toEpochMilli()),
                        String.valueOf(limit)));
        return records == null
                ? List.of()
                : records.stream()
                        .<Sale>map(record -> open(round, openSales.readValue(String.valueOf(record)), retention))
                        .toList();
    }

    @Override
    public OptionalInt restore(RoundId round, List<SoldSeat> sold, boolean all, Retention retention) {
        RoundKeys keys = new RoundKeys(round);
        List<Object> args = new ArrayList<>(2 + 3 * sold.size());
        args.add(String.valueOf(retention.sale().toMillis()));
        args.add(all ? "all" : "since");
        for (SoldSeat seat : sold) {
            args.add(seat.seatId());
            args.add(seat.ticketId());
            args.add(seat.bookingId());
        }
        Long changed = dependencies.redis(() -> script().eval(
                        RScript.Mode.READ_WRITE,
                        Scripts.RESTORE_SOLD,
                        RScript.ReturnType.LONG,
                        List.of(keys.soldSeats(), keys.ticketBookings(), keys.soldRestored()),
                        args.toArray()));
        if (changed != null && changed < 0) {
            return OptionalInt.empty(); // the mark is gone: restore all
        }
        return OptionalInt.of(changed == null ? 0 : changed.intValue());
    }

    @Override
    public Optional<Answered> answer(RoundId round, KeyedRequest request) {
        Map<String, String> fields = dependencies.redis(
                () -> redis.<String, String>getMap(answerKey(new RoundKeys(round), request), StringCodec.INSTANCE)
                        .readAllMap());
        return fields.isEmpty() ? Optional.empty() : Optional.of(answered(round, fields));
    }

    @Override
    public Optional<KeptBooking> find(BookingId id) {
        RoundKeys keys = new RoundKeys(id.round());
        String copy = keys.pendingBooking(id.value());
        String outcome = keys.bookingOutcome(id.value());
        Map<String, String> found =
                dependencies.redis(() -> redis.getBuckets(StringCodec.INSTANCE).<String>get(copy, outcome));
        return Optional.ofNullable(found.get(copy))
                .flatMap(text -> copies.<PendingCopy>readValue(text).booking())
                .map(booking -> new KeptBooking(
                        booking,
                        Optional.ofNullable(found.get(outcome))
                                .map(StoredBooking.Status::valueOf)
                                .orElse(null)));
    }

    private OpenSale open(RoundId round, OpenSaleRecord record, Retention retention) {
        HoldRecord hold = record.hold();
        return new OpenSale(round, record.request(), hold, record.booking(hold), retention);
    }

    /** A sale {@code sell.lua} made, settled by {@code complete.lua} (committed or in doubt) or {@code undo.lua}. */
    private final class OpenSale extends Sale {

        private final RoundId round;
        private final KeyedRequest request;
        private final Retention retention;

        OpenSale(RoundId round, KeyedRequest request, HoldRecord hold, AcceptedBooking booking, Retention retention) {
            super(hold, booking);
            this.round = round;
            this.request = request;
            this.retention = retention;
        }

        @Override
        protected void settle(Settlement how) {
            switch (how) {
                case COMMITTED -> close(this, Outcome.ACCEPTED);
                case IN_DOUBT -> close(this, Outcome.IN_DOUBT);
                case ABANDONED -> undo(this);
            }
        }
    }

    private static Answered answered(RoundId round, List<Object> result) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i + 1 < result.size(); i += 2) {
            fields.put(String.valueOf(result.get(i)), String.valueOf(result.get(i + 1)));
        }
        return answered(round, fields);
    }

    /** A key's answer as the scripts keep it; a booking id that is not one of the round's is none. */
    static Answered answered(RoundId round, Map<String, String> fields) {
        String outcome = fields.get("outcome");
        return new Answered(
                fields.get("fingerprint"),
                "1".equals(fields.get("done")),
                outcome == null ? null : Outcome.valueOf(outcome),
                BookingId.parse(fields.get("booking")).filter(id -> id.round().equals(round)),
                emptyToNull(fields.get("seat")));
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    private static String answerKey(RoundKeys keys, KeyedRequest request) {
        return keys.idempotency(request.ticketId(), digest(request.key()));
    }

    private static String text(List<Object> result, int index) {
        return index < result.size() ? String.valueOf(result.get(index)) : "";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
