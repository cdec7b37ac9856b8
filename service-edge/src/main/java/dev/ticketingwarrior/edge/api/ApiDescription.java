package dev.ticketingwarrior.edge.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI head every service shares: its title, what it does, that errors are problem+json, its bearer schemes. */
public final class ApiDescription {

    private ApiDescription() {}

    /** {@code bearerSchemes}: pairs of scheme name and bearer format ("ops", "" or "admission-token", "JWT"). */
    public static OpenAPI of(String service, String description, String... bearerSchemes) {
        Components components = new Components();
        for (int i = 0; i + 1 < bearerSchemes.length; i += 2) {
            SecurityScheme scheme =
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer");
            if (!bearerSchemes[i + 1].isEmpty()) {
                scheme.bearerFormat(bearerSchemes[i + 1]);
            }
            components.addSecuritySchemes(bearerSchemes[i], scheme);
        }
        return new OpenAPI()
                .info(new Info()
                        .title("Ticketing-Warrior " + service)
                        .version("v1")
                        .description(description + " Errors are RFC 9457 application/problem+json."))
                .components(components);
    }
}
