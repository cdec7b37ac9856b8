package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.player.domain.VerifiedTokens;
import dev.ticketingwarrior.booking.player.web.PlayerArgumentResolver;
import dev.ticketingwarrior.booking.player.web.PlayerAuthentication;
import dev.ticketingwarrior.edge.secret.Credentials;
import java.util.List;
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

    private final PlayerAuthentication players;

    WebConfiguration(PlayerAuthentication players) {
        this.players = players;
    }

    @Bean
    static PlayerAuthentication playerAuthentication(VerifiedTokens verifier, Credentials credentials) {
        return new PlayerAuthentication(verifier, credentials.botKey());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PlayerArgumentResolver(players));
    }
}
