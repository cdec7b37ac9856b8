package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.wire.TicketSeals;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A round's ticket key: a random secret the round's first entry stores in Valkey, with which the entry script seals
 * each ticket id ({@code SHA-1(secret|roundId|queueNumber)}, the first 24 hex digits; SHA-1 because it is the keyed hash
 * a Valkey script can compute). Every instance learns it from its ticker's advance and then checks a ticket id in
 * memory. Never leaves the service: it is not in any answer, log or stat (booking reads it from Valkey to check the
 * id of a never-admitted player's debrief). The arithmetic is {@link TicketSeals}, shared with booking.
 */
public final class RoundSeal {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final String secret;

    public RoundSeal(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (!TicketSeals.isSecret(secret)) {
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
        return TicketSeals.seals(secret, id.value());
    }

    /** The 24 hex digits that seal queue number {@code queueNumber} of round {@code roundId}. */
    String seal(String roundId, long queueNumber) {
        return TicketSeals.seal(secret, roundId, queueNumber);
    }

    @Override
    public String toString() {
        return "RoundSeal[hidden]";
    }
}
