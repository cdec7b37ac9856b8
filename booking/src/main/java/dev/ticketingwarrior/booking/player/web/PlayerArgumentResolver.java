package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.domain.VerifiedTokens;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.secret.SharedSecret;
import dev.ticketingwarrior.shared.problem.ProblemType;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Turns {@code Authorization: Bearer <admission token>} (and {@code X-Bot-Key}) into a {@link Player} parameter,
 * or a 401 {@code invalid-token} / {@code invalid-bot-key} problem. The reason stays in the log, never in the body.
 */
public class PlayerArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String BOT_KEY_HEADER = "X-Bot-Key";
    private static final Logger log = LoggerFactory.getLogger(PlayerArgumentResolver.class);
    private static final String BEARER = "Bearer ";

    private final VerifiedTokens verifier;
    private final SharedSecret botKey;

    public PlayerArgumentResolver(VerifiedTokens verifier, SharedSecret botKey) {
        this.verifier = verifier;
        this.botKey = botKey;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Player.class;
    }

    @Override
    public Player resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.of(ProblemType.INVALID_TOKEN, "an admission token is required (Bearer)");
        }
        AdmissionClaims claims;
        try {
            claims = verifier.verify(authorization.substring(BEARER.length()).strip());
        } catch (TokenRejectedException e) {
            log.info("refused admission token: {} ({})", e.reason(), e.getMessage());
            throw ProblemException.of(ProblemType.INVALID_TOKEN, "the admission token is not valid");
        }
        String presentedBotKey = request.getHeader(BOT_KEY_HEADER);
        if (presentedBotKey != null && !botKey.matches(presentedBotKey)) {
            throw ProblemException.of(ProblemType.INVALID_BOT_KEY, "wrong " + BOT_KEY_HEADER);
        }
        return new Player(claims, claims.bot() && presentedBotKey != null);
    }
}
