package dev.ticketingwarrior.booking.booking;

import dev.ticketingwarrior.booking.id.Ids;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Optional;

/** A booking id carries its round ({@code <roundId>-<random>}), so a lookup finds the round's keys and rows. */
public record BookingId(RoundId round, String value) {

    public static BookingId next(RoundId round) {
        return new BookingId(round, round.value() + "-" + Ids.next());
    }

    /** Parses untrusted input without throwing. */
    public static Optional<BookingId> parse(String text) {
        if (text == null || text.length() != 16 + 1 + 22 || text.charAt(16) != '-') {
            return Optional.empty();
        }
        if (!Ids.looksValid(text.substring(17))) {
            return Optional.empty();
        }
        return RoundId.parse(text.substring(0, 16)).map(round -> new BookingId(round, text));
    }

    @Override
    public String toString() {
        return value;
    }
}
