package dev.ticketingwarrior.edge.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured secret (ops token, bot key) checked in constant time: both sides are hashed first, so
 * {@link MessageDigest#isEqual} compares equal-length digests and not even the secret's length leaks.
 */
public final class SharedSecret {

    private static final Logger log = LoggerFactory.getLogger(SharedSecret.class);

    private final String secret;
    private final byte[] digest;

    public SharedSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a shared secret must not be empty");
        }
        this.secret = secret;
        this.digest = sha256(secret);
    }

    /**
     * The secret configured as {@code variable}. Unset, it is the documented development default with a warning
     * ({@code devDefaultsAllowed}, a laptop), or start-up stops with a message naming the variable (the aws profile).
     */
    public static SharedSecret configured(
            String configured, String variable, String devDefault, boolean devDefaultsAllowed) {
        if (configured != null && !configured.isBlank()) {
            return new SharedSecret(configured.strip());
        }
        if (!devDefaultsAllowed) {
            throw new IllegalStateException(variable + " is not set. It has no default outside development: set it"
                    + " (in AWS it comes from Secrets Manager) and start again.");
        }
        log.warn(
                "{} is not set: using the development default '{}'. Never run like this outside a laptop.",
                variable,
                devDefault);
        return new SharedSecret(devDefault);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** The secret itself, for the one place that must present it (the bots' {@code X-Bot-Key}). */
    public String reveal() {
        return secret;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SharedSecret[****]";
    }
}
