package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.edge.api.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI botRunnerOpenApi() {
        return ApiDescription.of(
                "bot-runner", "Ops control of the competing bots and their per-round statistics (SPEC §6).", "ops", "");
    }
}
