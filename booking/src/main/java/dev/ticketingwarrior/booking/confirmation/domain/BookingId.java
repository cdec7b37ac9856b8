package dev.ticketingwarrior.booking.confirmation.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A booking id carries its round ({@code <roundId>-<random>}, 22 random characters of [a-z0-9]), so a lookup finds
 * the round's keys and rows.
 */
public record BookingId(RoundId round, String value) {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern RANDOM_PART = Pattern.compile("[a-z0-9]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static BookingId next(RoundId round) {
        char[] random = new char[22];
        for (int i = 0; i < random.length; i++) {
            random[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new BookingId(round, round.value() + "-" + new String(random));
    }

    /** Parses untrusted input without throwing. */
    public static Optional<BookingId> parse(String text) {
        if (text == null || text.length() != 16 + 1 + 22 || text.charAt(16) != '-') {
            return Optional.empty();
        }
        if (!RANDOM_PART.matcher(text.substring(17)).matches()) {
            return Optional.empty();
        }
        return RoundId.parse(text.substring(0, 16)).map(round -> new BookingId(round, text));
    }

    @Override
    public String toString() {
        return value;
    }
}
