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
    /** Random bytes below this (7 × 36) map evenly onto the alphabet; the four above it are drawn again. */
    private static final int EVEN_BOUND = 256 - 256 % ALPHABET.length;

    /**
     * A new id for a booking of {@code round}. Its random part is what keeps a booking's public page unguessable, so it
     * comes from a {@link SecureRandom}: one draw of 32 bytes (rarely a second), not one call per character.
     */
    public static BookingId next(RoundId round) {
        char[] random = new char[22];
        byte[] bytes = new byte[32];
        int filled = 0;
        while (filled < random.length) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < random.length; i++) {
                int b = bytes[i] & 0xff;
                if (b < EVEN_BOUND) {
                    random[filled++] = ALPHABET[b % ALPHABET.length];
                }
            }
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
