package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.domain.VerifiedTokens;
import dev.ticketingwarrior.booking.player.web.PlayerArgumentResolver;
import dev.ticketingwarrior.booking.player.web.PlayerAuthentication;
import dev.ticketingwarrior.edge.secret.Credentials;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The player argument (admission token and bot key) and the OpenAPI description. The edge module adds problem+json
 * and the body-size limit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static {
        // a Player argument is read from headers (PlayerArgumentResolver), not from a query parameter of that name
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Player.class);
    }

    private final PlayerAuthentication players;

    WebConfiguration(PlayerAuthentication players) {
        this.players = players;
    }

    @Bean
    static PlayerAuthentication playerAuthentication(VerifiedTokens verifier, Credentials credentials) {
        return new PlayerAuthentication(verifier, credentials.botKey());
    }

    /** The headers a {@link Player} argument reads besides the bearer token (a security requirement of its own). */
    @Bean
    static OperationCustomizer playerHeaders() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Player.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(PlayerAuthentication.BOT_KEY_HEADER)
                        .description("Bots only: the bot key (401 invalid-bot-key if wrong)")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter()
                        .name(PlayerAuthentication.PLAYER_SECRET_HEADER)
                        .description("The device-held player secret (22-64 base64url characters): the attempt counts"
                                + " in that player's history and leaderboard place")
                        .schema(new StringSchema().minLength(22).maxLength(64)));
            }
            return operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PlayerArgumentResolver(players));
    }
}
