package dev.ticketingwarrior.botrunner.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI botRunnerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Ticketing-Warrior bot-runner")
                        .version("v1")
                        .description("Ops control of the competing bots and their per-round statistics (SPEC §6)."
                                + " Errors are RFC 9457 application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes(
                                "ops",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")));
    }
}
