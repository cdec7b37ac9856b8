package dev.ticketingwarrior.shared.token;

import com.nimbusds.jose.jwk.ECKey;
import java.util.Optional;

/**
 * Where a verifier finds the public key for a token's {@code kid}: a configured key set, or a JWKS fetched from
 * admission that refreshes itself when it meets an unknown {@code kid}.
 */
@FunctionalInterface
public interface VerificationKeys {

    Optional<ECKey> find(String keyId);
}
