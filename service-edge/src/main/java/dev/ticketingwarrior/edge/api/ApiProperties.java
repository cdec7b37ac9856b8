package dev.ticketingwarrior.edge.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketing.api.*}: what a service's OpenAPI description says of it: one sentence of what it does, and its
 * bearer schemes by name with their token format ({@code ops: ""}, {@code admission-token: JWT}). The title is
 * {@code spring.application.name}.
 */
@ConfigurationProperties("ticketing.api")
public record ApiProperties(
        String description, @DefaultValue Map<String, String> bearerSchemes) {

    public ApiProperties {
        Objects.requireNonNull(description, "ticketing.api.description");
        bearerSchemes = Collections.unmodifiableSortedMap(new TreeMap<>(bearerSchemes));
    }
}
