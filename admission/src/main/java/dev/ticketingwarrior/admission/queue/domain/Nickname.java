package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.player.Nicknames;
import java.util.Optional;

/**
 * A player's nickname, valid by SPEC §4's rule ({@link Nicknames}, shared with booking's history): 2–20 characters,
 * each a letter of any script (Hangul included), a decimal digit, {@code _} or {@code -}, NFC-normalised.
 */
public record Nickname(String value) {

    public Nickname {
        if (!Nicknames.isValid(value)) {
            throw new IllegalArgumentException("not a valid nickname");
        }
    }

    /** Validates untrusted input without throwing. */
    public static Optional<Nickname> parse(String raw) {
        return Nicknames.parse(raw).map(Nickname::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
