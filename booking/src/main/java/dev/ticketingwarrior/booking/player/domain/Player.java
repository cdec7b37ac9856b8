package dev.ticketingwarrior.booking.player.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller of a player endpoint: the verified claims of its admission token, whether it is a bot that also
 * presented the right {@code X-Bot-Key} (only those skip the security letter), and, for a human that sent its device
 * secret, who it is across rounds ({@link PlayerId}, SPEC §12).
 */
public record Player(AdmissionClaims claims, boolean verifiedBot, Optional<PlayerId> playerId) {

    public Player {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(playerId, "playerId");
    }

    /** A caller that sent no device secret. */
    public Player(AdmissionClaims claims, boolean verifiedBot) {
        this(claims, verifiedBot, Optional.empty());
    }

    public String ticketId() {
        return claims.ticketId();
    }

    public RoundId roundId() {
        return claims.roundId();
    }
}
