package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.player.Nicknames;
import java.util.Optional;

/**
 * A player's nickname, valid by SPEC §4's rule ({@link Nicknames}, shared with booking's history): 2–20 characters,
 * each a letter of any script (Hangul included), a decimal digit, {@code _} or {@code -}, NFC-normalised; a new one
 * does not mix scripts as look-alikes do, and it is owned under its {@link #ownerKey()}.
 */
public record Nickname(String value) {

    public Nickname {
        if (!Nicknames.isValid(value)) {
            throw new IllegalArgumentException("not a valid nickname");
        }
    }

    /** Validates untrusted input without throwing: a nickname to enter with, so one that mixes scripts is refused. */
    public static Optional<Nickname> parse(String raw) {
        return Nicknames.parse(raw).filter(n -> !Nicknames.mixesScripts(n)).map(Nickname::new);
    }

    /** Which rule untrusted input that {@link #parse} refuses breaks, as a player is told it. */
    public static String ruleBroken(String raw) {
        return Nicknames.parse(raw).isPresent() ? Nicknames.SCRIPT_RULE : Nicknames.RULE;
    }

    /** What the round keeps the owner under: every nickname that looks like this one has the same. */
    public String ownerKey() {
        return Nicknames.ownerKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
