package dev.ticketingwarrior.admission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.shared.token.TokenKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenConfigurationTests {

    private static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private AdmissionProperties.Token token(String keys) {
        return new AdmissionProperties.Token(
                keys, dir.resolve("token-keys.json"), "ticketing-warrior-admission", Duration.ofSeconds(30));
    }

    @Test
    void outsideALaptopMissingKeysStopStartUpNamingTheVariableAndNoDevKeyIsMade() {
        for (String unset : List.of("", "  ")) {
            assertThatThrownBy(() -> TokenConfiguration.tokenKeys(token(unset), NOW, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TICKETING_TOKEN_KEYS is not set")
                    .hasMessageContaining("Secrets Manager");
        }
        assertThat(dir.resolve("token-keys.json")).doesNotExist();
    }

    @Test
    void onALaptopMissingKeysAreTheDevKeyFile() {
        TokenKeys keys = TokenConfiguration.tokenKeys(token(""), NOW, true);

        assertThat(dir.resolve("token-keys.json")).exists();
        assertThat(TokenConfiguration.tokenKeys(token(""), NOW, true).signingKeyAt(Instant.now()))
                .as("the same file on the next start")
                .isEqualTo(keys.signingKeyAt(Instant.now()));
    }

    @Test
    void configuredKeysSignEverywhere() {
        String configured =
                TokenKeys.of(List.of(TokenKeys.generate("aws-1", NOW))).privateJwkSetJson();

        assertThat(TokenConfiguration.tokenKeys(token(configured), NOW, false)
                        .signingKeyAt(Instant.now())
                        .getKeyID())
                .isEqualTo("aws-1");
        assertThat(dir.resolve("token-keys.json")).doesNotExist();
    }

    @Test
    void refusesConfiguredKeysThatAreNotAJwkSet() {
        assertThatThrownBy(() -> TokenConfiguration.tokenKeys(token("{\"keys\": 5}"), NOW, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TICKETING_TOKEN_KEYS is not a valid ES256 JWK set");
    }
}
