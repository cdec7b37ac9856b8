package dev.ticketingwarrior.booking.player.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlayerIdTests {

    private static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void isTheBase64UrlSha256OfTheNicknameANewlineAndTheSecret() {
        // python3: base64.urlsafe_b64encode(hashlib.sha256(b'kim\n' + secret).digest()).rstrip(b'=')
        assertThat(PlayerId.of("kim", SECRET).value()).isEqualTo("ZWlRxwQVOcc7btxxV8ckwsOLQAlVK2LkXZvnb56oEdQ");
    }

    @Test
    void normalisesTheNicknameToNfcFirst() {
        String decomposed = "\u1100\u1161\u11a8"; // 각 typed as jamo
        assertThat(PlayerId.of(decomposed, SECRET).value()).isEqualTo("vLIw7y9-3O1tQpyIGKPHV818NCO7Eu8qqf9Z_3ZRBJ4");
        assertThat(PlayerId.of(decomposed, SECRET)).isEqualTo(PlayerId.of("각", SECRET));
    }

    @Test
    void theSameNicknameWithAnotherSecretIsAnotherPlayer() {
        PlayerId kim = PlayerId.of("kim", SECRET);
        assertThat(kim.sameAs(PlayerId.of("kim", SECRET))).isTrue();
        assertThat(kim.sameAs(PlayerId.of("kim", "B" + SECRET.substring(1)))).isFalse();
        assertThat(kim.sameAs(PlayerId.of("lee", SECRET))).isFalse();
    }

    @Test
    void acceptsOnlyBase64UrlSecretsOf22To64Characters() {
        assertThat(PlayerId.isSecret("a".repeat(22))).isTrue();
        assertThat(PlayerId.isSecret("a-_9Z".repeat(12) + "abcd")).isTrue();
        assertThat(PlayerId.isSecret("a".repeat(21))).isFalse();
        assertThat(PlayerId.isSecret("a".repeat(65))).isFalse();
        assertThat(PlayerId.isSecret("a".repeat(30) + "=")).isFalse();
        assertThat(PlayerId.isSecret("a".repeat(30) + "+")).isFalse();
        assertThat(PlayerId.isSecret(null)).isFalse();
        assertThatThrownBy(() -> PlayerId.of("kim", "short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesOnlyWhatHasTheShapeOfAnId() {
        PlayerId kim = PlayerId.of("kim", SECRET);
        assertThat(PlayerId.parse(kim.value())).contains(kim);
        assertThat(PlayerId.parse(kim.value().substring(1))).isEmpty();
        assertThat(PlayerId.parse(kim.value() + "A")).isEmpty();
        assertThat(PlayerId.parse("=".repeat(43))).isEmpty();
        assertThat(PlayerId.parse(null)).isEmpty();
    }

    @Test
    void neverPrintsTheWholeId() {
        PlayerId kim = PlayerId.of("kim", SECRET);
        assertThat(kim.toString()).doesNotContain(kim.value());
    }
}
