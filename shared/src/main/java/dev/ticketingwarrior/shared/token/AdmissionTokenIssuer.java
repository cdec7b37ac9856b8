package dev.ticketingwarrior.shared.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs admission tokens (ES256, header {@code kid}) with the key of a {@link TokenKeys} set that signs at the token's
 * issue time.
 */
public final class AdmissionTokenIssuer {

    private final TokenKeys keys;
    /** A signer for every key with a private part, by kid, made once. */
    private final Map<String, ECDSASigner> signers;

    private final String issuer;

    public AdmissionTokenIssuer(TokenKeys keys, String issuer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        Map<String, ECDSASigner> byId = new HashMap<>();
        for (ECKey key : keys.keys()) {
            if (key.getNotBeforeTime() != null && !key.isPrivate()) {
                throw new IllegalArgumentException(
                        "token key '" + key.getKeyID() + "' has an nbf (it is to sign) but no private part");
            }
            if (key.isPrivate()) {
                try {
                    byId.put(key.getKeyID(), new ECDSASigner(key));
                } catch (JOSEException e) {
                    throw new IllegalArgumentException("cannot sign with key " + key.getKeyID(), e);
                }
            }
        }
        this.signers = Map.copyOf(byId);
    }

    /** The kid of the key that signs a token issued at {@code at}. */
    public String keyIdAt(Instant at) {
        return keys.signingKeyAt(at).getKeyID();
    }

    public String issue(AdmissionClaims claims) {
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(TokenClaimNames.AUDIENCE)
                .subject(claims.ticketId())
                .claim(TokenClaimNames.ROUND, claims.roundId().value())
                .claim(TokenClaimNames.NICKNAME, claims.nickname())
                .claim(TokenClaimNames.BOT, claims.bot())
                .claim(TokenClaimNames.QUEUE_NUMBER, claims.queueNumber())
                .claim(TokenClaimNames.ENTERED_AT, claims.enteredAt().toEpochMilli())
                .claim(TokenClaimNames.ADMITTED_AT, claims.admittedAt().toEpochMilli())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
        String keyId = keyIdAt(claims.issuedAt());
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(keyId)
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, body);
        try {
            jwt.sign(signers.get(keyId));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an admission token failed", e);
        }
        return jwt.serialize();
    }
}
