package dev.ticketingwarrior.shared.token;

import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.BAD_SIGNATURE;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.EXPIRED;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.MALFORMED;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.MISSING_CLAIM;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.NOT_YET_VALID;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.UNKNOWN_KEY;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.UNSUPPORTED_ALGORITHM;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.WRONG_AUDIENCE;
import static dev.ticketingwarrior.shared.token.TokenRejectedException.Reason.WRONG_ISSUER;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketingwarrior.shared.round.RoundId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies admission tokens. Only ES256 is accepted (so {@code alg=none} and HS256 signed with the public key are
 * refused before any key is used), the {@code kid} must name a known key, and {@code iss}, {@code aud},
 * {@code exp}, {@code iat}/{@code nbf} and every claim of SPEC §4 are checked against an injectable clock.
 */
public final class AdmissionTokenVerifier {

    private static final int MAX_TOKEN_LENGTH = 4096;

    private final VerificationKeys keys;
    private final String issuer;
    private final Clock clock;
    private final Duration allowedSkew;
    /** One verifier per key: building it converts the JWK to a JCA key, which need not happen per request. */
    private final Map<ECKey, ECDSAVerifier> verifiers = new ConcurrentHashMap<>();

    public AdmissionTokenVerifier(VerificationKeys keys, String issuer, Clock clock, Duration allowedSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
    }

    /** The claims of a valid token; a {@link TokenRejectedException} with the reason otherwise. */
    public AdmissionClaims verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(MALFORMED, "no token or an oversized one");
        }
        SignedJWT jwt = parseSigned(token);
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new TokenRejectedException(
                    UNSUPPORTED_ALGORITHM, "algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted");
        }
        String keyId = jwt.getHeader().getKeyID();
        if (keyId == null) {
            throw new TokenRejectedException(UNKNOWN_KEY, "token has no kid");
        }
        ECKey key = keys.find(keyId).orElseThrow(() -> new TokenRejectedException(UNKNOWN_KEY, "unknown kid " + keyId));
        try {
            if (!jwt.verify(verifierFor(key))) {
                throw new TokenRejectedException(BAD_SIGNATURE, "signature does not verify");
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException(BAD_SIGNATURE, "signature does not verify", e);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejectedException(MALFORMED, "claims are not JSON", e);
        }
        return checkClaims(claims);
    }

    private ECDSAVerifier verifierFor(ECKey key) throws JOSEException {
        ECDSAVerifier verifier = verifiers.get(key);
        if (verifier == null) {
            verifier = new ECDSAVerifier(key.toECPublicKey());
            verifiers.put(key, verifier);
        }
        return verifier;
    }

    private static SignedJWT parseSigned(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejectedException(MALFORMED, "not a JWT: " + e.getMessage(), e);
        }
        if (!(parsed instanceof SignedJWT signed)) {
            // a PlainJWT (alg=none) or an encrypted JWT: neither is ours
            throw new TokenRejectedException(UNSUPPORTED_ALGORITHM, "unsigned or encrypted tokens are not accepted");
        }
        return signed;
    }

    private AdmissionClaims checkClaims(JWTClaimsSet claims) {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRejectedException(WRONG_ISSUER, "issuer " + claims.getIssuer());
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.equals(List.of(TokenClaimNames.AUDIENCE))) {
            throw new TokenRejectedException(WRONG_AUDIENCE, "audience " + audience);
        }
        Instant expiresAt = requiredInstant(claims.getExpirationTime(), "exp");
        if (!now.isBefore(expiresAt.plus(allowedSkew))) {
            throw new TokenRejectedException(EXPIRED, "expired at " + expiresAt);
        }
        Instant issuedAt = requiredInstant(claims.getIssueTime(), "iat");
        if (issuedAt.isAfter(now.plus(allowedSkew))) {
            throw new TokenRejectedException(NOT_YET_VALID, "issued in the future at " + issuedAt);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(allowedSkew))) {
            throw new TokenRejectedException(NOT_YET_VALID, "not valid before " + notBefore.toInstant());
        }
        try {
            String ticketId = required(claims.getSubject(), "sub");
            RoundId roundId = RoundId.parse(required(claims.getStringClaim(TokenClaimNames.ROUND), "rid"))
                    .orElseThrow(() -> new TokenRejectedException(MALFORMED, "rid is not a round id"));
            return new AdmissionClaims(
                    ticketId,
                    roundId,
                    required(claims.getStringClaim(TokenClaimNames.NICKNAME), "nick"),
                    required(claims.getBooleanClaim(TokenClaimNames.BOT), "bot"),
                    required(claims.getLongClaim(TokenClaimNames.QUEUE_NUMBER), "qn"),
                    Instant.ofEpochMilli(required(claims.getLongClaim(TokenClaimNames.ENTERED_AT), "qat")),
                    Instant.ofEpochMilli(required(claims.getLongClaim(TokenClaimNames.ADMITTED_AT), "adm")),
                    issuedAt,
                    expiresAt,
                    required(claims.getJWTID(), "jti"));
        } catch (ParseException e) {
            throw new TokenRejectedException(MALFORMED, "a claim has the wrong type: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(MALFORMED, e.getMessage(), e);
        }
    }

    private static Instant requiredInstant(Date value, String name) {
        return required(value, name).toInstant();
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new TokenRejectedException(MISSING_CLAIM, "claim " + name + " is missing");
        }
        return value;
    }
}
