package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.booking.player.domain.Player;
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
                request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader(PlayerAuthentication.BOT_KEY_HEADER),
                request.getHeader(PlayerAuthentication.PLAYER_SECRET_HEADER));
    }
}
