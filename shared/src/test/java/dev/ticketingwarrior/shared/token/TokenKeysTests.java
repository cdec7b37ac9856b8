package dev.ticketingwarrior.shared.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTests {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void newestKeySignsAndEveryKeyVerifies() {
        ECKey old = TokenKeys.generate("old", T0.minus(Duration.ofDays(30)));
        ECKey current = TokenKeys.generate("current", T0);
        TokenKeys rotated = TokenKeys.of(List.of(old, current));

        assertThat(rotated.signingKeyAt(Instant.now()).getKeyID()).isEqualTo("current");

        String byOld = new AdmissionTokenIssuer(TokenKeys.of(List.of(old)), "iss").issue(AdmissionTokenTests.claims());
        String byCurrent = new AdmissionTokenIssuer(rotated, "iss").issue(AdmissionTokenTests.claims());
        var verifier = new AdmissionTokenVerifier(
                rotated, "iss", Clock.fixed(AdmissionTokenTests.NOW, ZoneOffset.UTC), Duration.ZERO);

        assertThat(verifier.verify(byOld).ticketId()).isEqualTo("t-123");
        assertThat(verifier.verify(byCurrent).ticketId()).isEqualTo("t-123");
    }

    @Test
    void aKeyWithANotBeforeIsPublishedAndVerifiesAtOnceButSignsOnlyFromThen() throws Exception {
        ECKey current = TokenKeys.generate("current", T0.minus(Duration.ofDays(30)));
        // the new key signs from 10 s after the round's open; tokens of that round issued before still carry "current"
        Instant from = AdmissionTokenTests.OPEN.plusSeconds(10);
        ECKey next = new ECKey.Builder(TokenKeys.generate("next", AdmissionTokenTests.NOW))
                .notBeforeTime(Date.from(from))
                .build();
        TokenKeys keys = TokenKeys.fromJwkSetJson(new JWKSet(List.of(current, next)).toString(false));
        AdmissionTokenIssuer issuer = new AdmissionTokenIssuer(keys, "iss");

        assertThat(keys.signingKeyAt(from.minusMillis(1)).getKeyID()).isEqualTo("current");
        assertThat(keys.signingKeyAt(from).getKeyID()).isEqualTo("next");
        assertThat(JWKSet.parse(keys.publicJwksJson()).getKeys())
                .extracting(k -> k.getKeyID())
                .contains("next");

        AdmissionClaims before = AdmissionTokenTests.claims();
        AdmissionClaims after = AdmissionTokenTests.claimsIssuedAt(from);
        String early = issuer.issue(before);
        String late = issuer.issue(after);
        assertThat(SignedJWT.parse(early).getHeader().getKeyID()).isEqualTo("current");
        assertThat(SignedJWT.parse(late).getHeader().getKeyID()).isEqualTo("next");
        // an instance that has the new key only as a public key (booking, from the JWKS) verifies both
        TokenKeys published = TokenKeys.fromJwkSetJson(keys.publicJwksJson());
        assertThat(new AdmissionTokenVerifier(
                                published, "iss", Clock.fixed(from.plusSeconds(1), ZoneOffset.UTC), Duration.ZERO)
                        .verify(late)
                        .ticketId())
                .isEqualTo("t-123");
        assertThat(new AdmissionTokenVerifier(
                                published, "iss", Clock.fixed(AdmissionTokenTests.NOW, ZoneOffset.UTC), Duration.ZERO)
                        .verify(early)
                        .ticketId())
                .isEqualTo("t-123");
    }

    @Test
    void aKeyWithANotBeforeSignsFromThenWhateverItsIssueTime() {
        ECKey current = TokenKeys.generate("current", T0);
        ECKey next = new ECKey.Builder(TokenKeys.generate("next", T0))
                .issueTime(null) // written by hand without one
                .notBeforeTime(Date.from(T0.plusSeconds(60)))
                .build();
        TokenKeys keys = TokenKeys.of(List.of(current, next));

        assertThat(keys.signingKeyAt(T0.plusSeconds(59)).getKeyID()).isEqualTo("current");
        assertThat(keys.signingKeyAt(T0.plusSeconds(60)).getKeyID()).isEqualTo("next");
    }

    @Test
    void aKeyThatIsToSignLaterMustHaveItsPrivatePart() {
        ECKey current = TokenKeys.generate("current", T0);
        ECKey next = new ECKey.Builder(TokenKeys.generate("next", T0).toPublicJWK())
                .notBeforeTime(Date.from(T0.plusSeconds(60)))
                .build();

        assertThatThrownBy(() -> new AdmissionTokenIssuer(TokenKeys.of(List.of(current, next)), "iss"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("next");
    }

    @Test
    void withoutIssueTimesTheFirstListedKeySigns() {
        ECKey a = TokenKeys.generate("a", T0);
        ECKey b = TokenKeys.generate("b", T0);
        ECKey aNoTime = new ECKey.Builder(a).issueTime(null).build();
        ECKey bNoTime = new ECKey.Builder(b).issueTime(null).build();

        assertThat(TokenKeys.of(List.of(aNoTime, bNoTime))
                        .signingKeyAt(Instant.now())
                        .getKeyID())
                .isEqualTo("a");
    }

    @Test
    void publicJwksHasNoPrivatePartsAndParsesBack() throws Exception {
        TokenKeys keys =
                TokenKeys.of(List.of(TokenKeys.generate("k1", T0), TokenKeys.generate("k2", T0.minusSeconds(1))));

        String json = keys.publicJwksJson();

        assertThat(json).doesNotContain("\"d\"");
        JWKSet parsed = JWKSet.parse(json);
        assertThat(parsed.getKeys()).extracting(k -> k.getKeyID()).containsExactly("k1", "k2");
        assertThat(parsed.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        TokenKeys verifyOnly = TokenKeys.fromJwkSetJson(json);
        assertThatThrownBy(() -> verifyOnly.signingKeyAt(Instant.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void privateJwkSetRoundTripsAndStillSigns() {
        TokenKeys keys = TokenKeys.of(List.of(TokenKeys.generate("k1", T0)));

        TokenKeys reloaded = TokenKeys.fromJwkSetJson(keys.privateJwkSetJson());

        assertThat(reloaded.signingKeyAt(Instant.now())).isEqualTo(keys.signingKeyAt(Instant.now()));
    }

    @Test
    void loadsAKeyPairFromPem() throws Exception {
        KeyPair pair = p256();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded());

        ECKey key = TokenKeys.fromPem("pem-1", pem);

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo("pem-1");
        TokenKeys keys = TokenKeys.of(List.of(key));
        String token = new AdmissionTokenIssuer(keys, "iss").issue(AdmissionTokenTests.claims());
        var verifier = new AdmissionTokenVerifier(
                TokenKeys.of(List.of(TokenKeys.fromPem(
                        "pem-1", pem("PUBLIC KEY", pair.getPublic().getEncoded())))),
                "iss",
                Clock.fixed(AdmissionTokenTests.NOW, ZoneOffset.UTC),
                Duration.ZERO);
        assertThat(verifier.verify(token).nickname()).isEqualTo("민수_01");
    }

    @Test
    void refusesPemPairsThatDoNotMatch() throws Exception {
        String pem = pem("PRIVATE KEY", p256().getPrivate().getEncoded())
                + pem("PUBLIC KEY", p256().getPublic().getEncoded());

        assertThatThrownBy(() -> TokenKeys.fromPem("x", pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a pair");
    }

    @Test
    void refusesPemWithoutAPublicKeyOrWithOtherBlocks() throws Exception {
        assertThatThrownBy(() -> TokenKeys.fromPem(
                        "x", pem("PRIVATE KEY", p256().getPrivate().getEncoded())))
                .hasMessageContaining("PUBLIC KEY");
        assertThatThrownBy(() -> TokenKeys.fromPem("x", pem("EC PRIVATE KEY", new byte[] {1, 2, 3})))
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void refusesDuplicateKidsAndOtherCurvesAndEmptySets() throws Exception {
        assertThatThrownBy(() -> TokenKeys.of(List.of(TokenKeys.generate("k", T0), TokenKeys.generate("k", T0))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> TokenKeys.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        ECKey p384 = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_384)
                .keyID("p384")
                .generate();
        assertThatThrownBy(() -> TokenKeys.of(List.of(p384))).hasMessageContaining("P-256");
        assertThatThrownBy(
                        () -> TokenKeys.fromJwkSetJson("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":\"s\"}]}"))
                .hasMessageContaining("EC");
        assertThatThrownBy(() -> TokenKeys.fromJwkSetJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void devKeyFileIsCreatedOnceOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/token-keys.json");

        TokenKeys first = TokenKeys.loadOrCreateDevKeys(file, T0);
        TokenKeys second = TokenKeys.loadOrCreateDevKeys(file, T0.plusSeconds(60));

        assertThat(second.signingKeyAt(Instant.now())).isEqualTo(first.signingKeyAt(Instant.now()));
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void servicesCreatingTheDevKeyFileTogetherAllGetTheKeyOnDisk(@TempDir Path dir) throws Exception {
        // admission and booking start together on a fresh machine; each must end up with the key the other has
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int attempt = 0; attempt < 40; attempt++) {
                Path file = dir.resolve("run-" + attempt + "/token-keys.json");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TokenKeys>> racers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        return TokenKeys.loadOrCreateDevKeys(file, T0);
                    }));
                }
                start.countDown();
                List<TokenKeys> got = new ArrayList<>();
                for (Future<TokenKeys> racer : racers) {
                    got.add(racer.get());
                }
                TokenKeys onDisk = TokenKeys.fromJwkSetJson(Files.readString(file));
                assertThat(got)
                        .allSatisfy(keys -> assertThat(keys.signingKeyAt(Instant.now()))
                                .isEqualTo(onDisk.signingKeyAt(Instant.now())));
                try (var left = Files.list(file.getParent())) {
                    assertThat(left.map(Path::getFileName).map(Path::toString)).containsExactly("token-keys.json");
                }
            }
        }
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
