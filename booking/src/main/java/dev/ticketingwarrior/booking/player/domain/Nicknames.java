package dev.ticketingwarrior.booking.player.domain;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The nickname rule of SPEC §4, as admission's {@code queue.domain.Nickname} applies it at entry: 2-20 characters
 * (code points) of letters of any script, decimal digits, {@code _} or {@code -}, after NFC normalisation. Booking only
 * meets nicknames in signed tokens, except in the history API, where the caller names one.
 */
public final class Nicknames {

    private static final int MIN_LENGTH = 2;
    private static final int MAX_LENGTH = 20;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_-]+");

    private Nicknames() {}

    /** The NFC form of {@code raw} when it is a valid nickname. */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int length = normalized.codePointCount(0, normalized.length());
        return length >= MIN_LENGTH
                        && length <= MAX_LENGTH
                        && ALLOWED.matcher(normalized).matches()
                ? Optional.of(normalized)
                : Optional.empty();
    }
}
