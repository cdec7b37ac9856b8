package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** A {@link Player} parameter of a handler: the request's player, or its 401 ({@link PlayerAuthentication}). */
public class PlayerArgumentResolver implements HandlerMethodArgumentResolver {

    private final PlayerAuthentication players;

    public PlayerArgumentResolver(PlayerAuthentication players) {
        this.players = players;
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
        return players.authenticate(
                single(request, HttpHeaders.AUTHORIZATION),
                single(request, PlayerAuthentication.BOT_KEY_HEADER),
                single(request, PlayerAuthentication.PLAYER_SECRET_HEADER));
    }

    /**
     * The one value of a credential header. Sent twice, it is refused: no client of ours does that, and which of the
     * two counts would otherwise depend on who reads the request (a proxy may keep the other one).
     */
    private static String single(NativeWebRequest request, String header) {
        String[] values = request.getHeaderValues(header);
        if (values != null && values.length > 1) {
            ProblemType type = switch (header) {
                case HttpHeaders.AUTHORIZATION -> ProblemType.INVALID_TOKEN;
                case PlayerAuthentication.BOT_KEY_HEADER -> ProblemType.INVALID_BOT_KEY;
                default -> ProblemType.INVALID_REQUEST;
            };
            throw ProblemException.of(type, header + " sent more than once");
        }
        return values == null ? null : values[0];
    }
}
