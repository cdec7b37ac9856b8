package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.edge.api.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI admissionOpenApi() {
        return ApiDescription.of(
                "admission", "Waiting room, signed admission tokens and the ops throttle (SPEC §4).", "ops", "");
    }
}
