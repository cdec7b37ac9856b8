package dev.ticketingwarrior.admission.queue.domain;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A player's nickname: 2–20 characters, each a letter of any script (Hangul included), a decimal digit, {@code _} or
 * {@code -} (SPEC §4). Input is NFC-normalised first so a nickname typed as decomposed jamo is the same player as the
 * composed one; the length counts characters (code points), not UTF-16 units.
 */
public record Nickname(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 20;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_-]+");

    public Nickname {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid nickname");
        }
    }

    /** Validates untrusted input without throwing. */
    public static Optional<Nickname> parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return isValid(normalized) ? Optional.of(new Nickname(normalized)) : Optional.empty();
    }

    private static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        int length = text.codePointCount(0, text.length());
        return length >= MIN_LENGTH
                && length <= MAX_LENGTH
                && ALLOWED.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
