package dev.ticketingwarrior.edge.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ValkeyUserTests {

    @Test
    void inAwsStartUpStopsWithoutThePasswordNamingItsVariable() {
        assertThatThrownBy(() -> ValkeyUser.of(environment(Map.of("REDIS_USERNAME", "ticketing"), "aws")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("REDIS_PASSWORD is not set.");
        assertThatThrownBy(() ->
                        ValkeyUser.of(environment(Map.of("REDIS_USERNAME", "ticketing", "REDIS_PASSWORD", " "), "aws")))
                .hasMessageStartingWith("REDIS_PASSWORD is not set.");
        assertThatThrownBy(() -> ValkeyUser.of(environment(Map.of("REDIS_PASSWORD", "secret"), "aws")))
                .hasMessageStartingWith("REDIS_USERNAME is not set.");
    }

    @Test
    void inAwsSignsInAsTheUserEcsGave() {
        assertThat(ValkeyUser.of(
                        environment(Map.of("REDIS_USERNAME", "ticketing", "REDIS_PASSWORD", "secret"), "test", "aws")))
                .isEqualTo(new ValkeyUser("ticketing"));
    }

    @Test
    void elsewhereNeedsNoUser() {
        assertThat(ValkeyUser.of(environment(Map.of(), "test"))).isEqualTo(new ValkeyUser(null));
    }

    private static StandardEnvironment environment(Map<String, Object> properties, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
