package dev.ticketingwarrior.admission.queue.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A secret a client picks for its entries (22 to 64 of {@code A-Z a-z 0-9 _ -}; the web app sends 32 random bytes in
 * base64url). Entering a nickname again in the same round with the key it was first entered with is the same client
 * whose answer was lost (a 503 while Valkey had already made the ticket): it resumes that ticket instead of being told
 * its own nickname is taken. Never logged.
 */
public record EntryKey(String value) {

    /** What a key is, as a refusal says it. */
    public static final String RULE = "An entryKey is 22 to 64 of A-Z, a-z, 0-9, '_' or '-'.";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    public EntryKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** The key of untrusted input; empty when it has another shape. */
    public static Optional<EntryKey> parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? Optional.of(new EntryKey(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "EntryKey[hidden]";
    }
}
