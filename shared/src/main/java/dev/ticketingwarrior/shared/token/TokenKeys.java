package dev.ticketingwarrior.shared.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ES256 key set of admission tokens. Several keys may be configured for rotation: the newest (by the JWK
 * {@code nbf} parameter, else {@code iat}, else the first listed) signs, all of them verify. A key with an {@code nbf}
 * is published and verifies at once but signs only from that instant: a rotation puts the new key on every instance
 * first (a rolling deploy) and every instance starts signing with it at the same instant, once booking can fetch it
 * from any of them. Loads JWK sets and PEM, exports the public JWKS, and generates the local dev key.
 */
public final class TokenKeys implements VerificationKeys {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final List<ECKey> keys;
    /** Public parts by kid, built once: every verified request looks one up. */
    private final Map<String, ECKey> publicKeys;

    private TokenKeys(List<ECKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one token key is required");
        }
        for (ECKey key : keys) {
            if (!Curve.P_256.equals(key.getCurve())) {
                throw new IllegalArgumentException("token keys must be EC P-256 (ES256): " + key.getKeyID());
            }
            if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                throw new IllegalArgumentException("every token key needs a kid");
            }
        }
        if (keys.stream().map(ECKey::getKeyID).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("token key ids must be unique");
        }
        List<ECKey> ordered = new ArrayList<>(keys);
        // stable sort, newest first by the time a key starts signing (its nbf, else its issue time); keys with neither
        // keep their listed order after them
        ordered.sort(Comparator.comparing(TokenKeys::signsFrom, Comparator.reverseOrder()));
        this.keys = List.copyOf(ordered);
        Map<String, ECKey> byId = new LinkedHashMap<>();
        this.keys.forEach(key -> byId.put(key.getKeyID(), key.toPublicJWK()));
        this.publicKeys = Collections.unmodifiableMap(byId);
    }

    public static TokenKeys of(List<ECKey> keys) {
        return new TokenKeys(keys);
    }

    /** A fresh P-256 signing key with this {@code kid}, stamped with its issue time. */
    public static ECKey generate(String keyId, Instant issuedAt) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(issuedAt))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    /** Parses a JWK set (JSON {@code {"keys":[...]}}); private keys sign, public-only sets can only verify. */
    public static TokenKeys fromJwkSetJson(String json) {
        try {
            JWKSet set = JWKSet.parse(json);
            List<ECKey> keys = new ArrayList<>();
            for (JWK jwk : set.getKeys()) {
                if (!(jwk instanceof ECKey ec)) {
                    throw new IllegalArgumentException("only EC keys are accepted, got " + jwk.getKeyType());
                }
                keys.add(ec);
            }
            return new TokenKeys(keys);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK set: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a key from PEM text holding a PKCS#8 {@code PRIVATE KEY} and its X.509 {@code PUBLIC KEY} (as written
     * by {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} plus {@code openssl pkey -pubout}),
     * or only the public key for a verify-only key.
     */
    public static ECKey fromPem(String keyId, String pem) {
        ECPublicKey publicKey = null;
        ECPrivateKey privateKey = null;
        Matcher matcher = PEM_BLOCK.matcher(pem);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            while (matcher.find()) {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(2).strip());
                switch (matcher.group(1)) {
                    case "PUBLIC KEY" -> publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
                    case "PRIVATE KEY" ->
                        privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                    default ->
                        throw new IllegalArgumentException("unsupported PEM block '" + matcher.group(1)
                                + "': use PKCS#8 PRIVATE KEY and PUBLIC KEY (openssl pkcs8 -topk8 -nocrypt)");
                }
            }
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC key in PEM: " + e.getMessage(), e);
        }
        if (publicKey == null) {
            throw new IllegalArgumentException("the PEM text needs a PUBLIC KEY block (openssl pkey -pubout)");
        }
        ECKey.Builder builder = new ECKey.Builder(Curve.P_256, publicKey)
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256);
        if (privateKey != null) {
            builder.privateKey(privateKey);
        }
        ECKey key = builder.build();
        if (privateKey != null && !matches(key)) {
            throw new IllegalArgumentException("the PEM private and public keys are not a pair");
        }
        return key;
    }

    /**
     * Loads the dev key set from {@code file}, creating it with one new key (owner-readable only) when missing. Used
     * locally only; in AWS the key set comes from Secrets Manager.
     */
    public static TokenKeys loadOrCreateDevKeys(Path file, Instant now) throws IOException {
        if (Files.exists(file)) {
            return fromJwkSetJson(Files.readString(file, StandardCharsets.UTF_8));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        TokenKeys keys = of(List.of(generate("dev-" + now.getEpochSecond(), now)));
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".token-keys", ".json");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the platform's default permissions
        }
        Files.writeString(temporary, keys.privateJwkSetJson(), StandardCharsets.UTF_8);
        // admission and booking start together and both create the file when missing; a rename would let the last
        // writer win on disk while the first keeps its own key in memory (same kid, "dev-<second>", different key),
        // and booking would refuse every token. A hard link is created only if the name is free, so the first wins.
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            return fromJwkSetJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (UnsupportedOperationException e) {
            // no hard links here: a plain move, which refuses an existing target (a narrow race remains)
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException taken) {
                return fromJwkSetJson(Files.readString(file, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return keys;
    }

    private static Instant signsFrom(ECKey key) {
        if (key.getNotBeforeTime() != null) {
            return key.getNotBeforeTime().toInstant();
        }
        return key.getIssueTime() == null ? Instant.MIN : key.getIssueTime().toInstant();
    }

    /** The key that signs a token issued at {@code at}: the newest one whose {@code nbf}, if it has one, has come. */
    public ECKey signingKeyAt(Instant at) {
        for (ECKey key : keys) {
            if (key.getNotBeforeTime() == null
                    || !key.getNotBeforeTime().toInstant().isAfter(at)) {
                if (!key.isPrivate()) {
                    throw new IllegalStateException(
                            "the newest token key '" + key.getKeyID() + "' has no private part");
                }
                return key;
            }
        }
        throw new IllegalStateException("no token key signs at " + at + ": every key's nbf is later");
    }

    public List<ECKey> keys() {
        return keys;
    }

    @Override
    public Optional<ECKey> find(String keyId) {
        return Optional.ofNullable(publicKeys.get(keyId));
    }

    /** The public keys only, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwkSet() {
        return new JWKSet(List.<JWK>copyOf(publicKeys.values()));
    }

    public String publicJwksJson() {
        return publicJwkSet().toString(true);
    }

    /** The whole set including private parts: for the dev key file and Secrets Manager values only. */
    public String privateJwkSetJson() {
        return new JWKSet(keys.stream().map(key -> (JWK) key).toList()).toString(false);
    }

    private static boolean matches(ECKey key) {
        try {
            var signer = new ECDSASigner(key);
            var verifier = new ECDSAVerifier(key.toPublicJWK());
            var header = new JWSHeader(JWSAlgorithm.ES256);
            byte[] probe = "key-pair-check".getBytes(StandardCharsets.UTF_8);
            return verifier.verify(header, probe, signer.sign(header, probe));
        } catch (JOSEException e) {
            return false;
        }
    }
}
