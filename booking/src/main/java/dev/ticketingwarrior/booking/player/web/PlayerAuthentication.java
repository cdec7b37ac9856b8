package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.player.domain.VerifiedTokens;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.secret.SharedSecret;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.KeysUnavailableException;
import dev.ticketingwarrior.shared.token.TokenRejectedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code Authorization: Bearer <admission token>} (and {@code X-Bot-Key}) into a {@link Player}, or a 401
 * {@code invalid-token} / {@code invalid-bot-key} problem. The reason stays in the log, never in the body.
 */
public final class PlayerAuthentication {

    public static final String BOT_KEY_HEADER = "X-Bot-Key";
    /** The device secret of a human player (SPEC §12): only its digest with the nickname, {@link PlayerId}, is kept. */
    public static final String PLAYER_SECRET_HEADER = "X-Player-Secret";

    private static final Logger log = LoggerFactory.getLogger(PlayerAuthentication.class);
    /** Admission's keys out of reach fail every player's call: one line every 10 s, with how many it stands for. */
    private static final RepeatedWarnings unchecked = new RepeatedWarnings(log);

    private static final String BEARER = "Bearer ";

    private final VerifiedTokens verifier;
    private final SharedSecret botKey;

    public PlayerAuthentication(VerifiedTokens verifier, SharedSecret botKey) {
        this.verifier = verifier;
        this.botKey = botKey;
    }

    /** The player of these two headers (either may be null). */
    public Player authenticate(String authorization, String presentedBotKey) {
        return authenticate(authorization, presentedBotKey, null);
    }

    /**
     * The player of these headers (any may be null). A human's well-formed {@code playerSecret} names its
     * {@link PlayerId}; a malformed one is 400 {@code invalid-request}; a bot's is ignored (bots have no history).
     */
    public Player authenticate(String authorization, String presentedBotKey, String playerSecret) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.of(ProblemType.INVALID_TOKEN, "an admission token is required (Bearer)");
        }
        AdmissionClaims claims;
        try {
            claims = verifier.verify(authorization.substring(BEARER.length()).strip());
        } catch (TokenRejectedException e) {
            log.info("refused admission token: {} ({})", e.reason(), e.getMessage());
            throw ProblemException.of(ProblemType.INVALID_TOKEN, "the admission token is not valid");
        } catch (KeysUnavailableException e) {
            unchecked.warn("keys unavailable", "admission token not checked: {}", e.getMessage());
            throw ProblemException.retryAfter(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "the admission token cannot be checked now; retry shortly",
                    e.retryAfter());
        }
        if (presentedBotKey != null && !botKey.matches(presentedBotKey)) {
            throw ProblemException.of(ProblemType.INVALID_BOT_KEY, "wrong " + BOT_KEY_HEADER);
        }
        if (playerSecret != null && !PlayerId.isSecret(playerSecret)) {
            throw ProblemException.of(
                    ProblemType.INVALID_REQUEST, PLAYER_SECRET_HEADER + " must be 22-64 base64url characters");
        }
        Optional<PlayerId> playerId = playerSecret == null || claims.bot()
                ? Optional.empty()
                : Optional.of(PlayerId.of(claims.nickname(), playerSecret));
        return new Player(claims, claims.bot() && presentedBotKey != null, playerId);
    }
}
