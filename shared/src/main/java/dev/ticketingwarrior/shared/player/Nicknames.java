package dev.ticketingwarrior.shared.player;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The nickname rule of SPEC §4, one for admission (entry) and booking (history): 2–20 characters (code points), each a
 * letter of any script (Hangul included), a decimal digit, {@code _} or {@code -}, after NFC normalisation, so a
 * nickname typed as decomposed jamo is the same player as the composed one. The Hangul fillers are letters that show
 * nothing: with them {@code kim} and {@code kim}+U+3164 would read alike on a leaderboard, so they are refused.
 */
public final class Nicknames {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 20;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_\\-&&[^\\u115F\\u1160\\u3164\\uFFA0]]+");

    private Nicknames() {}

    /** The NFC form of {@code raw} when it is a valid nickname. */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return isValid(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /** Whether {@code text}, as it is (not normalised), is a valid nickname. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        int length = text.codePointCount(0, text.length());
        return length >= MIN_LENGTH
                && length <= MAX_LENGTH
                && ALLOWED.matcher(text).matches();
    }
}
