package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A waiting-room ticket: {@code <roundId>-<22 url-safe random characters>}, e.g.
 * {@code 20261124T101500Z-q3Yb0Jm4T1uXcN8e2kPZvA}. The round prefix lets any instance find the round's keys; the 128
 * random bits make it unguessable, which matters because whoever holds a ticket id can collect its token.
 */
public record TicketId(RoundId roundId, String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z-[A-Za-z0-9_-]{22}");
    private static final int LENGTH = 16 + 1 + 22;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public TicketId {
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches() || !value.startsWith(roundId.value())) {
            throw new IllegalArgumentException("not a ticket id");
        }
    }

    public static TicketId newTicket(RoundId roundId) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return new TicketId(roundId, roundId.value() + "-" + ENCODER.encodeToString(random));
    }

    /** Parses untrusted input (a path segment) without throwing: anything of another shape is simply unknown. */
    public static Optional<TicketId> parse(String text) {
        if (text == null || text.length() != LENGTH || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        return RoundId.parse(text.substring(0, 16)).map(round -> new TicketId(round, text));
    }

    @Override
    public String toString() {
        return value;
    }
}
