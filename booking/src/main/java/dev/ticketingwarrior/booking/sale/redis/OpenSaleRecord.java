package dev.ticketingwarrior.booking.sale.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.sale.domain.HoldRecord;
import dev.ticketingwarrior.booking.sale.domain.Sales;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * An open sale as {@code sell.lua} keeps it: the buyer's fields (written by Java before the sale) and the hold's (added
 * by the script from the hold it sells). Every value is text, epoch milliseconds for instants, so neither side has to
 * agree with the other on JSON number formats. {@code playerId} is left out when there is none, so a record of a bot or a
 * human without its device secret reads the same as before the field existed.
 */
record OpenSaleRecord(
        String bookingId,
        String ticket,
        String nickname,
        String bot,
        String roundOpenedAt,
        String enteredAt,
        String admittedAt,
        String bookedAt,
        String key,
        String fingerprint,
        String holdId,
        String seat,
        String owner,
        String token,
        String heldAt,
        String expiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String playerId) {

    /** Read leniently, as the listener reads its messages: a field a newer version wrote (during a deploy) is passed over. */
    static ObjectReader reader(JsonMapper json) {
        return json.readerFor(OpenSaleRecord.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The buyer's part, before the sale; the script fills in the hold's. */
    static OpenSaleRecord of(Sales.KeyedRequest request, String holdId, Sales.Buyer buyer) {
        return new OpenSaleRecord(
                buyer.bookingId().value(),
                request.ticketId(),
                buyer.nickname(),
                Boolean.toString(buyer.bot()),
                millis(buyer.roundOpenedAt()),
                millis(buyer.enteredAt()),
                millis(buyer.admittedAt()),
                millis(buyer.bookedAt()),
                request.key(),
                request.fingerprint(),
                holdId,
                null,
                null,
                null,
                null,
                null,
                buyer.playerId().map(PlayerId::value).orElse(null));
    }

    /** Whose request, under which key, sold the seat. */
    Sales.KeyedRequest request() {
        return new Sales.KeyedRequest(ticket, key, fingerprint);
    }

    /** The hold it sold, as the script added it. */
    HoldRecord hold() {
        return new HoldRecord(holdId, ticket, seat, owner, Long.parseLong(token), instant(heldAt), instant(expiresAt));
    }

    /** The booking it sold {@code hold} to. */
    AcceptedBooking booking(HoldRecord hold) {
        BookingId id = BookingId.parse(bookingId)
                .orElseThrow(() -> new IllegalStateException("an open sale with a malformed booking id: " + bookingId));
        Sales.Buyer buyer = new Sales.Buyer(
                id,
                nickname,
                Boolean.parseBoolean(bot),
                instant(roundOpenedAt),
                instant(enteredAt),
                instant(admittedAt),
                instant(bookedAt),
                PlayerId.parse(playerId));
        return buyer.booking(hold);
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
