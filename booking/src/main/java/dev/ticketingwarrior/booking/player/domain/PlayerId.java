package dev.ticketingwarrior.booking.player.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A player without an account (SPEC §12): {@code base64url(SHA-256(UTF-8(NFC(nickname) + "\n" + secret)))}, no
 * padding. The secret is a device-held random value the web app sends as {@code X-Player-Secret}; only this digest is
 * ever stored, so the same nickname on another device (another secret) is another player.
 */
public record PlayerId(String value) {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    /** 32 bytes of SHA-256 in unpadded base64url. */
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");

    public PlayerId {
        Objects.requireNonNull(value, "value");
    }

    /** Whether {@code secret} has the shape of a device secret (22-64 base64url characters). */
    public static boolean isSecret(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    /** A stored or transmitted id, if it has the shape of one (anything else names no player). */
    public static Optional<PlayerId> parse(String value) {
        return value != null && DIGEST.matcher(value).matches() ? Optional.of(new PlayerId(value)) : Optional.empty();
    }

    /** The player of {@code nickname} (NFC-normalised here) and a well-formed {@code secret}. */
    public static PlayerId of(String nickname, String secret) {
        if (!isSecret(secret)) {
            throw new IllegalArgumentException("not a player secret");
        }
        String nfc = Normalizer.normalize(nickname, Normalizer.Form.NFC);
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((nfc + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return new PlayerId(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares in constant time: a caller cannot learn a stored id byte by byte from how long a refusal takes. */
    public boolean sameAs(PlayerId other) {
        return other != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the whole id in a log line. */
    @Override
    public String toString() {
        return "PlayerId[" + value.substring(0, Math.min(6, value.length())) + "…]";
    }
}
