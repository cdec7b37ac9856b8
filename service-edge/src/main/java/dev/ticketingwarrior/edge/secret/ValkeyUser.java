package dev.ticketingwarrior.edge.secret;

import org.springframework.core.env.Environment;

/**
 * The user a service signs in to Valkey as. In the {@code aws} profile ElastiCache serves no one else, and ECS gives
 * the user's name and password ({@code REDIS_USERNAME}, {@code REDIS_PASSWORD}, from the secret {@code <prefix>valkey}):
 * without both, start-up stops here. Spring Boot binds a placeholder it cannot resolve, e.g. the profile's
 * {@code ${REDIS_PASSWORD}}, as that very text, so the service would otherwise start and only be refused by Valkey.
 * {@code username} is {@code null} outside the aws profile, where the local Redis asks for no one.
 */
public record ValkeyUser(String username) {

    public static final String USERNAME_VARIABLE = "REDIS_USERNAME";
    public static final String PASSWORD_VARIABLE = "REDIS_PASSWORD";

    /** The user ECS gave, required in the {@code aws} profile; elsewhere none. */
    public static ValkeyUser of(Environment environment) {
        if (!environment.matchesProfiles("aws")) {
            return new ValkeyUser(null);
        }
        for (String variable : new String[] {USERNAME_VARIABLE, PASSWORD_VARIABLE}) {
            String value = environment.getProperty(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(variable + " is not set. In AWS, Valkey serves only the services'"
                        + " user: ECS gives " + USERNAME_VARIABLE + " and " + PASSWORD_VARIABLE + " from the secret"
                        + " <prefix>valkey (infrastructure/README.md); there is no default.");
            }
        }
        return new ValkeyUser(environment.getProperty(USERNAME_VARIABLE));
    }
}
