package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.player.domain.VerifiedTokens;
import dev.ticketingwarrior.booking.player.web.PlayerArgumentResolver;
import dev.ticketingwarrior.booking.web.BodySizeLimitFilter;
import dev.ticketingwarrior.booking.web.ProblemWriter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The player argument, the body-size guard and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);
    static final String DEV_BOT_KEY = "dev-bot-key";

    private final VerifiedTokens verifier;
    private final BookingProperties properties;

    WebConfiguration(VerifiedTokens verifier, BookingProperties properties) {
        this.verifier = verifier;
        this.properties = properties;
        if (DEV_BOT_KEY.equals(properties.botKey())) {
            log.warn("TICKETING_BOT_KEY is not set: using the documented dev default bot key");
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PlayerArgumentResolver(verifier, properties.botKey()));
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    OpenAPI bookingOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Ticketing-Warrior booking")
                        .version("v1")
                        .description("Seats, security letter, holds, bookings, results and rank (SPEC §5)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "admission-token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }
}
