package dev.ticketingwarrior.edge.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.edge.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CredentialsTests {

    @Test
    void aConfiguredSecretMatchesOnlyItself() {
        Credentials credentials = new Credentials(" ops-secret ", "bot-secret", false);

        assertThat(credentials.opsToken().matches("ops-secret")).isTrue();
        assertThat(credentials.opsToken().matches("ops-secret ")).isFalse();
        assertThat(credentials.opsToken().matches(null)).isFalse();
        assertThat(credentials.botKey().matches("bot-secret")).isTrue();
        assertThat(credentials.botKey().reveal()).isEqualTo("bot-secret");
        assertThat(credentials.botKey()).hasToString("SharedSecret[****]");
    }

    @Test
    void onALaptopAnUnsetSecretIsTheDocumentedDevValue() {
        Credentials credentials = new Credentials("", null, true);

        assertThat(credentials.opsToken().matches(Credentials.DEV_OPS_TOKEN)).isTrue();
        assertThat(credentials.botKey().matches(Credentials.DEV_BOT_KEY)).isTrue();
    }

    @Test
    void outsideALaptopAnUnsetSecretStopsStartUpNamingItsVariable() {
        Credentials credentials = new Credentials("  ", "bot-secret", false);

        assertThatThrownBy(credentials::opsToken)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TICKETING_OPS_TOKEN");
        assertThat(credentials.botKey().matches("bot-secret"))
                .as("the other secret is unaffected")
                .isTrue();
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new SharedSecret("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opsAuthorizationWantsTheBearerToken() {
        OpsAuthorization ops = new OpsAuthorization(new Credentials("ops-secret", "bot-secret", false));

        ops.check("Bearer ops-secret");
        ops.check("bearer  ops-secret ");
        assertThatThrownBy(() -> ops.check(null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ops.check("Basic ops-secret")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ops.check("Bearer ops-secretx")).isInstanceOf(ProblemException.class);
    }
}
