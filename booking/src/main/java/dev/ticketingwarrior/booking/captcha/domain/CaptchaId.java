package dev.ticketingwarrior.booking.captcha.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A security letter's id: 22 random characters of [a-z0-9], unguessable, so nobody answers someone else's letter. */
public record CaptchaId(String value) {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static CaptchaId next() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new CaptchaId(new String(id));
    }

    /** Whether untrusted text has the shape of a letter id: anything else is no letter, without asking Redis. */
    public static boolean looksValid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
