package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.TicketSeals;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A waiting-room ticket: {@code <roundId>-<queueNumber>-<seal>}, e.g. {@code 20261124T101500Z-1234-3f0c9a51d2e8b7c46a1f05de}.
 * The round prefix lets any instance find the round's keys; the queue number lets any instance tell a waiting
 * player's position from its snapshot of the serving counter, without a Valkey read; the seal ({@link RoundSeal}, 96
 * bits of a keyed hash over round and number) makes it unguessable, which matters because whoever holds a ticket id
 * can collect its token, and proves the number was given by the round. Ids are minted by the entry script in Valkey.
 */
public record TicketId(RoundId roundId, String value) {

    private static final Pattern SHAPE = TicketSeals.ID_SHAPE;
    private static final int MAX_LENGTH = TicketSeals.MAX_ID_LENGTH;

    public TicketId {
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches() || !value.startsWith(roundId.value())) {
            throw new IllegalArgumentException("not a ticket id");
        }
    }

    /** Parses untrusted input (a path segment) without throwing: anything of another shape is simply unknown. */
    public static Optional<TicketId> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            return Optional.empty();
        }
        return RoundId.parse(shape.group(1)).map(round -> new TicketId(round, text));
    }

    /** The queue number the id says it has; only a {@link RoundSeal} that {@link RoundSeal#seals seals} it proves it. */
    public long queueNumber() {
        int from = value.indexOf('-') + 1;
        return Long.parseLong(value, from, value.indexOf('-', from), 10);
    }

    /** The seal part: the last 24 hex digits. */
    String seal() {
        return value.substring(value.length() - 24);
    }

    @Override
    public String toString() {
        return value;
    }
}
