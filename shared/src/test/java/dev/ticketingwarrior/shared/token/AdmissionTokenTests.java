package dev.ticketingwarrior.shared.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionTokenTests {

    static final String ISSUER = "ticketing-warrior-admission";
    static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");
    static final Instant NOW = OPEN.plusSeconds(3);

    final ECKey key = TokenKeys.generate("k1", OPEN.minusSeconds(3600));
    final TokenKeys keys = TokenKeys.of(List.of(key));
    final AdmissionTokenIssuer issuer = new AdmissionTokenIssuer(keys, ISSUER);

    static AdmissionClaims claims() {
        return claimsIssuedAt(OPEN.plusSeconds(2)); // iat and exp are NumericDate: whole seconds
    }

    static AdmissionClaims claimsIssuedAt(Instant issuedAt) {
        return new AdmissionClaims(
                "t-123",
                new RoundId("20261124T101500Z"),
                "민수_01",
                false,
                42,
                OPEN.plusMillis(850),
                OPEN.plusMillis(2_400),
                issuedAt,
                OPEN.plusSeconds(15 + 30),
                "jti-1");
    }

    static AdmissionTokenVerifier verifierAt(VerificationKeys keys, Instant now) {
        return new AdmissionTokenVerifier(keys, ISSUER, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(2));
    }

    @Test
    void roundTripsEveryClaim() {
        String token = issuer.issue(claims());

        AdmissionClaims verified = verifierAt(keys, NOW).verify(token);

        assertThat(verified).isEqualTo(claims());
    }

    @Test
    void headerCarriesKidAndEs256() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.issue(claims()));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("booking");
        assertThat(jwt.getJWTClaimsSet().getClaims())
                .containsKeys("iss", "aud", "sub", "rid", "nick", "bot", "qn", "qat", "adm", "iat", "exp", "jti");
    }

    @Test
    void refusesExpiredToken() {
        String token = issuer.issue(claims());

        assertRejected(() -> verifierAt(keys, OPEN.plusSeconds(48)).verify(token), Reason.EXPIRED);
    }

    @Test
    void acceptsWithinTheAllowedSkewOfExpiry() {
        String token = issuer.issue(claims());

        assertThat(verifierAt(keys, OPEN.plusSeconds(46)).verify(token).ticketId())
                .isEqualTo("t-123");
    }

    @Test
    void refusesTokenIssuedInTheFuture() {
        String token = issuer.issue(claims());

        assertRejected(() -> verifierAt(keys, OPEN.minusSeconds(10)).verify(token), Reason.NOT_YET_VALID);
    }

    @Test
    void refusesTokenBeforeItsNotBeforeTime() throws Exception {
        JWTClaimsSet body = new JWTClaimsSet.Builder(
                        SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet())
                .notBeforeTime(Date.from(NOW.plusSeconds(60)))
                .build();
        String token = sign(key, "k1", body);

        assertRejected(() -> verifierAt(keys, NOW).verify(token), Reason.NOT_YET_VALID);
    }

    @Test
    void refusesWrongAudience() throws Exception {
        JWTClaimsSet body = new JWTClaimsSet.Builder(
                        SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet())
                .audience("admission")
                .build();

        assertRejected(() -> verifierAt(keys, NOW).verify(sign(key, "k1", body)), Reason.WRONG_AUDIENCE);
    }

    @Test
    void refusesExtraAudiences() throws Exception {
        JWTClaimsSet body = new JWTClaimsSet.Builder(
                        SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet())
                .audience(List.of("booking", "somewhere-else"))
                .build();

        assertRejected(() -> verifierAt(keys, NOW).verify(sign(key, "k1", body)), Reason.WRONG_AUDIENCE);
    }

    @Test
    void refusesWrongIssuer() {
        String token = new AdmissionTokenIssuer(keys, "someone-else").issue(claims());

        assertRejected(() -> verifierAt(keys, NOW).verify(token), Reason.WRONG_ISSUER);
    }

    @Test
    void refusesUnknownKid() {
        ECKey stranger = TokenKeys.generate("k-stranger", OPEN);
        String token = new AdmissionTokenIssuer(TokenKeys.of(List.of(stranger)), ISSUER).issue(claims());

        assertRejected(() -> verifierAt(keys, NOW).verify(token), Reason.UNKNOWN_KEY);
    }

    @Test
    void refusesTokenSignedByAnotherKeyUnderAKnownKid() throws Exception {
        ECKey impostor = TokenKeys.generate("k1", OPEN);
        JWTClaimsSet body = SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet();

        assertRejected(() -> verifierAt(keys, NOW).verify(sign(impostor, "k1", body)), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesTamperedPayload() {
        String[] parts = issuer.issue(claims()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"bot\":false", "\"bot\":true").replace("\"qn\":42", "\"qn\":1");
        assertThat(forged).isNotEqualTo(payload);
        String token = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];

        assertRejected(() -> verifierAt(keys, NOW).verify(token), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesAlgNone() throws Exception {
        JWTClaimsSet body = SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet();
        String unsigned = new PlainJWT(body).serialize();

        assertRejected(() -> verifierAt(keys, NOW).verify(unsigned), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesAlgNoneEvenWithAKidAndASignaturePart() throws Exception {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String[] parts = issuer.issue(claims()).split("\\.");

        assertRejected(() -> verifierAt(keys, NOW).verify(header + "." + parts[1] + "."), Reason.UNSUPPORTED_ALGORITHM);
        assertThatThrownBy(() -> verifierAt(keys, NOW).verify(header + "." + parts[1] + "." + parts[2]))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void refusesHs256SignedWithThePublicKeyAsSecret() throws Exception {
        // the classic confusion attack: use the published public key bytes as an HMAC secret
        byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        JWTClaimsSet body = SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), body);
        forged.sign(new MACSigner(secret));

        assertRejected(() -> verifierAt(keys, NOW).verify(forged.serialize()), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesMissingClaims() throws Exception {
        JWTClaimsSet full = SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet();
        for (String name : List.of("sub", "rid", "nick", "bot", "qn", "qat", "adm", "jti", "exp", "iat")) {
            Map<String, Object> without = new java.util.HashMap<>(full.toJSONObject());
            without.remove(name);
            String token = sign(key, "k1", JWTClaimsSet.parse(without));

            assertThatThrownBy(() -> verifierAt(keys, NOW).verify(token))
                    .as("without %s", name)
                    .isInstanceOf(TokenRejectedException.class);
        }
    }

    @Test
    void refusesClaimsOfTheWrongType() throws Exception {
        JWTClaimsSet body = new JWTClaimsSet.Builder(
                        SignedJWT.parse(issuer.issue(claims())).getJWTClaimsSet())
                .claim("rid", "not-a-round")
                .build();

        assertRejected(() -> verifierAt(keys, NOW).verify(sign(key, "k1", body)), Reason.MALFORMED);
    }

    @Test
    void refusesGarbage() {
        for (String garbage : new String[] {"", "abc", "a.b.c", "....", "x".repeat(5000)}) {
            assertThatThrownBy(() -> verifierAt(keys, NOW).verify(garbage))
                    .as(garbage)
                    .isInstanceOf(TokenRejectedException.class);
        }
    }

    static String sign(ECKey signingKey, String kid, JWTClaimsSet body) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), body);
        jwt.sign(new ECDSASigner(signingKey));
        return jwt.serialize();
    }

    static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOf(TokenRejectedException.class)
                .extracting(e -> ((TokenRejectedException) e).reason())
                .isEqualTo(reason);
    }
}
