package dev.ticketingwarrior.shared.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * Admission's record of one ticket, the value of queue number → record in {@link SharedRoundKeys#tickets}:
 * {@code enteredAtMs|bot (0/1)|nickname}. Admission's entry script writes it; admission reads it for a standing, and
 * booking for the debrief of a player who was never admitted.
 */
public record WaitingTicket(long queueNumber, Instant enteredAt, boolean bot, String nickname) {

    public WaitingTicket {
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(nickname, "nickname");
    }

    /** The record of ticket {@code queueNumber} from its stored form. */
    public static WaitingTicket parse(long queueNumber, String stored) {
        String[] parts = stored.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a waiting ticket: " + stored);
        }
        return new WaitingTicket(
                queueNumber, Instant.ofEpochMilli(Long.parseLong(parts[0])), "1".equals(parts[1]), parts[2]);
    }

    /** The stored form, as the entry script writes it. */
    public String stored() {
        return enteredAt.toEpochMilli() + "|" + (bot ? "1" : "0") + "|" + nickname;
    }
}
