package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConfigurationTests {

    @Test
    void signsInWithThePropertiesWhenAPasswordIsSet() {
        URI url = URI.create("rediss://url-user:url-password@valkey.example:6379");

        assertThat(RedisConfiguration.credentials(redis(url, "ticketing", "secret"), url))
                .isEqualTo(new RedisConfiguration.Credentials("ticketing", "secret"));
    }

    @Test
    void signsInWithTheUrlsUserInfoWhenNoPasswordIsSet() {
        URI withUser = URI.create("redis://someone:secret@127.0.0.1:16379");
        URI passwordOnly = URI.create("redis://:secret@127.0.0.1:16379");

        assertThat(RedisConfiguration.credentials(redis(withUser, "", ""), withUser))
                .isEqualTo(new RedisConfiguration.Credentials("someone", "secret"));
        assertThat(RedisConfiguration.credentials(redis(passwordOnly, null, null), passwordOnly))
                .isEqualTo(new RedisConfiguration.Credentials(null, "secret"));
    }

    @Test
    void signsInAsNobodyWhereRedisAsksForNoCredentials() {
        URI url = URI.create("redis://127.0.0.1:16379");

        assertThat(RedisConfiguration.credentials(redis(url, "", ""), url))
                .isEqualTo(new RedisConfiguration.Credentials(null, null));
    }

    @Test
    void givesRedissonTheAddressWithoutTheCredentials() {
        assertThat(RedisConfiguration.withoutUserInfo(URI.create("rediss://someone:secret@valkey.example:6379")))
                .isEqualTo("rediss://valkey.example:6379");
    }

    @Test
    void neverPrintsThePassword() {
        URI url = URI.create("redis://127.0.0.1:16379");

        assertThat(redis(url, "ticketing", "secret-value").toString()).doesNotContain("secret-value");
        assertThat(new RedisConfiguration.Credentials("ticketing", "secret-value").toString())
                .doesNotContain("secret-value");
    }

    private static BookingProperties.Redis redis(URI url, String username, String password) {
        return new BookingProperties.Redis(
                url.toString(), username, password, Duration.ofSeconds(2), Duration.ofMinutes(10), 0);
    }
}
