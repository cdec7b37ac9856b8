package dev.ticketingwarrior.edge.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;

/** The OpenAPI head every service shares: its title, what it does, that errors are problem+json, its bearer schemes. */
public final class ApiDescription {

    private ApiDescription() {}

    /** {@code bearerSchemes}: scheme name to bearer format ({@code ops} to "", {@code admission-token} to "JWT"). */
    public static OpenAPI of(String service, String description, Map<String, String> bearerSchemes) {
        Components components = new Components();
        bearerSchemes.forEach((name, format) -> {
            SecurityScheme scheme =
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer");
            if (!format.isEmpty()) {
                scheme.bearerFormat(format);
            }
            components.addSecuritySchemes(name, scheme);
        });
        return new OpenAPI()
                .info(new Info()
                        .title("Ticketing-Warrior " + service)
                        .version("v1")
                        .description(description + " Errors are RFC 9457 application/problem+json."))
                .components(components);
    }
}
