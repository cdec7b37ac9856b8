package dev.ticketingwarrior.booking.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Tokens from another round, expired, tampered, unsigned, for another audience or key are refused. */
class TokenIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());
    private Round round;

    @BeforeEach
    void freshRound() {
        round = world.freshRound();
    }

    @Test
    void refusesATokenFromAnotherRound() {
        Round previous = world.rounds.roundAt(round.opensAt().minusSeconds(1));
        String token = world.token(previous, BookingStack.ticket(), "old", false);
        Api.Response response = holdIn(round, token);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemSlug()).isEqualTo("wrong-round");

        Api.Response ownButClosed = holdIn(previous, token);
        assertThat(ownButClosed.status()).isEqualTo(403);
        assertThat(ownButClosed.problemSlug()).isEqualTo("round-closed");
    }

    @Test
    void refusesAnExpiredToken() {
        Instant now = world.clock.instant();
        String token = world.issuer.issue(new AdmissionClaims(
                BookingStack.ticket(),
                round.id(),
                "expired",
                false,
                1,
                now.minusSeconds(120),
                now.minusSeconds(100),
                now.minusSeconds(90),
                now.minusSeconds(60),
                UUID.randomUUID().toString()));
        assertInvalid(holdIn(round, token));
    }

    @Test
    void refusesATamperedToken() {
        String token = world.token(round, BookingStack.ticket(), "honest", false);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"nick\":\"honest\"", "\"nick\":\"h0nest\"");
        assertThat(claims).contains("h0nest");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertInvalid(holdIn(round, tampered));
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        String token = world.token(round, BookingStack.ticket(), "none", false);
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertInvalid(holdIn(round, header + "." + parts[1] + "."));
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        Instant now = world.clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(TokenDefaults.ISSUER)
                .audience("admission")
                .subject(BookingStack.ticket())
                .claim("rid", round.id().value())
                .claim("nick", "aud")
                .claim("bot", false)
                .claim("qn", 1L)
                .claim("qat", now.toEpochMilli())
                .claim("adm", now.toEpochMilli())
                .issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(world.keys.signingKeyAt(Instant.now()).getKeyID())
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(world.keys.signingKeyAt(Instant.now())));
        assertInvalid(holdIn(round, jwt.serialize()));
    }

    @Test
    void refusesATokenSignedByAnUnknownKey() {
        TokenKeys stranger = TokenKeys.of(List.of(TokenKeys.generate("stranger", Instant.now())));
        AdmissionTokenIssuer forger = new AdmissionTokenIssuer(stranger, TokenDefaults.ISSUER);
        Instant now = world.clock.instant();
        String token = forger.issue(new AdmissionClaims(
                BookingStack.ticket(),
                round.id(),
                "forger",
                true,
                1,
                now,
                now,
                now.minusSeconds(1),
                now.plusSeconds(600),
                UUID.randomUUID().toString()));
        assertInvalid(holdIn(round, token));
    }

    @Test
    void refusesAMissingOrMalformedAuthorization() {
        assertInvalid(api.post("/api/v1/captcha", null, null));
        assertInvalid(api.send(
                "POST", "/api/v1/captcha", null, null, java.util.Map.of("Authorization", "Basic dXNlcjpwYXNz")));
        assertInvalid(api.post("/api/v1/captcha", "not.a.jwt", null));
    }

    /** An instance that reads admission's JWKS while admission is down: a valid token is 503, not a final 401. */
    @Test
    void aValidTokenMetWhileTheKeysCannotBeFetchedIs503WithRetryAfter() {
        try (ConfigurableApplicationContext cut = world.start(Map.of(
                "ticketing.token.keys", "",
                "ticketing.token.jwks-url", "http://127.0.0.1:9/.well-known/jwks.json",
                "ticketing.token.jwks-timeout", "300ms"))) {
            String token = world.token(round, BookingStack.ticket(), "keyless", false);

            Api.Response response =
                    world.api(cut).post("/api/v1/rounds/" + round.id() + "/holds", token, "{\"seatId\":\"A-2\"}");

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.problemSlug()).isEqualTo("service-unavailable");
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private Api.Response holdIn(Round target, String token) {
        return api.post("/api/v1/rounds/" + target.id() + "/holds", token, "{\"seatId\":\"A-1\"}");
    }

    private static void assertInvalid(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.problemSlug()).isEqualTo("invalid-token");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
