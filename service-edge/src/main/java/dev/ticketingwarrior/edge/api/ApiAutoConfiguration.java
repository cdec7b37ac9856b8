package dev.ticketingwarrior.edge.api;

import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The API description served at {@code /v3/api-docs} and {@code /swagger-ui.html}, from {@code ticketing.api.*}. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnProperty("ticketing.api.description")
@EnableConfigurationProperties(ApiProperties.class)
public class ApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(ApiProperties api, Environment environment) {
        return ApiDescription.of(
                environment.getRequiredProperty("spring.application.name"), api.description(), api.bearerSchemes());
    }
}
