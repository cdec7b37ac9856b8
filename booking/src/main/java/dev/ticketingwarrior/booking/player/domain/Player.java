package dev.ticketingwarrior.booking.player.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import java.util.Objects;

/**
 * The caller of a player endpoint: the verified claims of its admission token, and whether it is a bot that also
 * presented the right {@code X-Bot-Key} (only those skip the security letter).
 */
public record Player(AdmissionClaims claims, boolean verifiedBot) {

    public Player {
        Objects.requireNonNull(claims, "claims");
    }

    public String ticketId() {
        return claims.ticketId();
    }

    public RoundId roundId() {
        return claims.roundId();
    }
}
