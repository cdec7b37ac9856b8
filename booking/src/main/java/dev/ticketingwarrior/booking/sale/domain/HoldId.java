package dev.ticketingwarrior.booking.sale.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A hold's id: 22 random characters of [a-z0-9], unguessable, because releasing or booking a hold names it by this
 * id alone.
 */
public record HoldId(String value) {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static HoldId next() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new HoldId(new String(id));
    }

    /** Whether untrusted text has the shape of a hold id: anything else is no hold, without asking Redis. */
    public static boolean looksValid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
