package dev.ticketingwarrior.shared.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Objects;

/** Signs admission tokens (ES256, header {@code kid}) with the newest key of a {@link TokenKeys} set. */
public final class AdmissionTokenIssuer {

    private final ECKey signingKey;
    private final ECDSASigner signer;
    private final String issuer;

    public AdmissionTokenIssuer(TokenKeys keys, String issuer) {
        this.signingKey = keys.signingKey();
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        try {
            this.signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with key " + signingKey.getKeyID(), e);
        }
    }

    public String keyId() {
        return signingKey.getKeyID();
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
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, body);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an admission token failed", e);
        }
        return jwt.serialize();
    }
}
