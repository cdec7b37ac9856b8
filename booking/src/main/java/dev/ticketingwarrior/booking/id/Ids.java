package dev.ticketingwarrior.booking.id;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Random, unguessable ids for holds (22 characters of [a-z0-9]). */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    public static boolean looksValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
