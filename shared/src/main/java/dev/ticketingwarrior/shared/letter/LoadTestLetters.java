package dev.ticketingwarrior.shared.letter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text of a security letter when booking runs with a load-test key: derived from the key and the letter's id, so
 * a load tool holding the same key answers through the normal answer endpoint, and nobody without the key can.
 */
public final class LoadTestLetters {

    /** Shorter keys are refused: the key is the only thing between a bot and a solved letter. */
    public static final int MIN_KEY_LENGTH = 32;

    /** The security letter's alphabet. No 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, 6/G: what remains is never misread. */
    public static final String ALPHABET = "ACEFHJKMNPRTUVWXY3479";

    private static final String HMAC = "HmacSHA256";
    private static final int MAX_LENGTH = 32; // the bytes of one HMAC-SHA256

    private LoadTestLetters() {}

    /**
     * The letter text for {@code captchaId} under {@code key}: HMAC-SHA256(key UTF-8, captchaId UTF-8), each of the
     * first {@code length} bytes mapped (unsigned byte % alphabet length) to {@link #ALPHABET}.
     *
     * @throws IllegalArgumentException for a key shorter than {@link #MIN_KEY_LENGTH} or a length outside 1..32
     */
    public static String answer(String key, String captchaId, int length) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(captchaId, "captchaId");
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("a load-test key needs at least " + MIN_KEY_LENGTH + " characters");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a letter has 1.." + MAX_LENGTH + " characters, not " + length);
        }
        byte[] mac = hmac(key, captchaId);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(Byte.toUnsignedInt(mac[i]) % ALPHABET.length()));
        }
        return text.toString();
    }

    private static byte[] hmac(String key, String captchaId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(captchaId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
