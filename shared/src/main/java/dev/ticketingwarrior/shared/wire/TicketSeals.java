package dev.ticketingwarrior.shared.wire;

import dev.ticketingwarrior.shared.round.RoundId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A waiting-room ticket id, {@code <roundId>-<queueNumber>-<seal>}, and its seal: the first 24 hex digits of
 * {@code SHA-1(secret|roundId|queueNumber)} with the round's secret (32 hex digits, kept in the field {@link
 * SharedRoundKeys#SEAL_FIELD} of {@link SharedRoundKeys#serving}). Admission's entry script mints ids this way and its
 * {@code RoundSeal} checks them; booking checks the id a never-admitted player asks a debrief for. Here once, so the
 * two cannot drift.
 */
public final class TicketSeals {

    /** The id's shape: round, queue number (no leading zero), seal. */
    public static final Pattern ID_SHAPE = Pattern.compile("(\\d{8}T\\d{6}Z)-([1-9]\\d{0,9})-([0-9a-f]{24})");

    public static final int MAX_ID_LENGTH = 16 + 1 + 10 + 1 + 24;

    private static final Pattern SECRET_SHAPE = Pattern.compile("[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    private TicketSeals() {}

    /** Whether {@code secret} has the shape of a round's secret. */
    public static boolean isSecret(String secret) {
        return secret != null && SECRET_SHAPE.matcher(secret).matches();
    }

    /** The 24 hex digits that seal queue number {@code queueNumber} of round {@code roundId} under {@code secret}. */
    public static String seal(String secret, String roundId, long queueNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((secret + "|" + roundId + "|" + queueNumber).getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** Whether {@code ticketId} (of any shape) was sealed with {@code secret} (constant time in the seal). */
    public static boolean seals(String secret, String ticketId) {
        if (!isSecret(secret) || ticketId == null || ticketId.length() > MAX_ID_LENGTH) {
            return false;
        }
        Matcher id = ID_SHAPE.matcher(ticketId);
        if (!id.matches()) {
            return false;
        }
        byte[] expected = seal(secret, id.group(1), Long.parseLong(id.group(2))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, id.group(3).getBytes(StandardCharsets.US_ASCII));
    }

    /** The queue number {@code ticketId} says it has in {@code round}; empty for another shape or round (unchecked). */
    public static OptionalLong queueNumber(RoundId round, String ticketId) {
        if (ticketId == null || ticketId.length() > MAX_ID_LENGTH) {
            return OptionalLong.empty();
        }
        Matcher id = ID_SHAPE.matcher(ticketId);
        if (!id.matches() || !id.group(1).equals(round.value())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(id.group(2)));
    }
}
