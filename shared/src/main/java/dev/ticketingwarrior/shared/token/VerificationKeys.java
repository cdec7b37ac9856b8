package dev.ticketingwarrior.shared.token;

import com.nimbusds.jose.jwk.ECKey;
import java.util.Optional;

/**
 * Where a verifier finds the public key for a token's {@code kid}: a configured key set, or a JWKS fetched from
 * admission that refreshes itself when it meets an unknown {@code kid}.
 */
@FunctionalInterface
public interface VerificationKeys {

    /**
     * The key of {@code keyId}; empty when the key set has no such key. A {@link KeysUnavailableException} when the key
     * is not known and the key set could not be read lately, so that its absence proves nothing.
     */
    Optional<ECKey> find(String keyId);
}
