package dev.ticketingwarrior.shared.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.security.Key;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our tokens must verify in any standard JWT library fed only the published JWKS: here jjwt, not nimbus. */
class JwksInteroperabilityTests {

    final TokenKeys keys = TokenKeys.of(List.of(
            TokenKeys.generate("current", Instant.parse("2026-11-24T00:00:00Z")),
            TokenKeys.generate("previous", Instant.parse("2026-11-01T00:00:00Z"))));

    @Test
    void jjwtVerifiesOurTokenAgainstThePublishedJwksOnly() {
        String token =
                new AdmissionTokenIssuer(keys, "ticketing-warrior-admission").issue(AdmissionTokenTests.claims());
        JwkSet published = Jwks.setParser().build().parse(keys.publicJwksJson());

        Claims claims = jjwtParser(published).parseSignedClaims(token).getPayload();

        assertThat(claims.getSubject()).isEqualTo("t-123");
        assertThat(claims.getAudience()).containsExactly("booking");
        assertThat(claims.get("rid", String.class)).isEqualTo("20261124T101500Z");
        assertThat(claims.get("nick", String.class)).isEqualTo("민수_01");
        assertThat(claims.get("bot", Boolean.class)).isFalse();
        assertThat(claims.get("qn", Long.class)).isEqualTo(42L);
    }

    @Test
    void jjwtRefusesATokenFromAKeyThatIsNotPublished() {
        TokenKeys stranger =
                TokenKeys.of(List.of(TokenKeys.generate("current", Instant.parse("2026-11-24T00:00:00Z"))));
        String token =
                new AdmissionTokenIssuer(stranger, "ticketing-warrior-admission").issue(AdmissionTokenTests.claims());
        JwkSet published = Jwks.setParser().build().parse(keys.publicJwksJson());

        assertThatThrownBy(() -> jjwtParser(published).parseSignedClaims(token)).isInstanceOf(JwtException.class);
    }

    private static io.jsonwebtoken.JwtParser jjwtParser(JwkSet published) {
        return Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        return published.getKeys().stream()
                                .filter(jwk -> jwk.getId().equals(header.getKeyId()))
                                .map(Jwk::toKey)
                                .findFirst()
                                .orElseThrow(() -> new JwtException("unknown kid " + header.getKeyId()));
                    }
                })
                .requireAudience("booking")
                .clock(() -> Date.from(AdmissionTokenTests.NOW))
                .build();
    }
}
