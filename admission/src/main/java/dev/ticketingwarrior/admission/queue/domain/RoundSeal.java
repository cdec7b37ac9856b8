package dev.ticketingwarrior.admission.queue.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A round's ticket key: a random secret the round's first entry stores in Valkey, with which the entry script seals
 * each ticket id ({@code SHA-1(secret|roundId|queueNumber)}, the first 24 hex digits; SHA-1 because it is the keyed hash
 * a Valkey script can compute). Every instance learns it from its ticker's advance and then checks a ticket id in
 * memory. Never leaves the service: it is not in any answer, log or stat.
 */
public final class RoundSeal {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final String secret;

    public RoundSeal(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (!SHAPE.matcher(secret).matches()) {
            throw new IllegalArgumentException("a round seal is 32 hex digits");
        }
        this.secret = secret;
    }

    /** A fresh secret, offered with every entry: the round keeps the first one it is offered. */
    public static String candidate() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
    }

    /** Whether {@code id} was sealed with this round's secret (constant time in the seal). */
    public boolean seals(TicketId id) {
        byte[] expected = seal(id.roundId().value(), id.queueNumber()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, id.seal().getBytes(StandardCharsets.US_ASCII));
    }

    /** The 24 hex digits that seal queue number {@code queueNumber} of round {@code roundId}. */
    String seal(String roundId, long queueNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((secret + "|" + roundId + "|" + queueNumber).getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RoundSeal[hidden]";
    }
}
