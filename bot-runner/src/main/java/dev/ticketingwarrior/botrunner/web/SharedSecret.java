package dev.ticketingwarrior.botrunner.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A configured secret checked in constant time: both sides are hashed first, so {@link MessageDigest#isEqual}
 * compares equal-length digests and not even the secret's length leaks through timing.
 */
public final class SharedSecret {

    private final String secret;
    private final byte[] digest;

    public SharedSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a shared secret must not be empty");
        }
        this.secret = secret;
        this.digest = sha256(secret);
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
