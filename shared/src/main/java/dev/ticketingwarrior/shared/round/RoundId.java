package dev.ticketingwarrior.shared.round;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A round's id: its start in UTC as {@code yyyyMMdd'T'HHmmss'Z'} (SPEC §3), e.g. {@code 20261124T101500Z}.
 * Every key and row of a round carries it, so nothing ever needs a reset.
 */
public record RoundId(String value) implements Comparable<RoundId> {

    /** Strict: a date or time that does not exist (Feb 30, hour 24) is refused, not moved to one that does. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");

    public RoundId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("round id must look like 20261124T101500Z: " + value);
        }
        try {
            FORMAT.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("round id is not a valid UTC instant: " + value, e);
        }
    }

    /** The id of the round that starts at {@code start} (sub-second parts are dropped). */
    public static RoundId startingAt(Instant start) {
        return new RoundId(FORMAT.format(start));
    }

    /** Parses untrusted input (a path segment, a claim) without throwing. */
    public static Optional<RoundId> parse(String text) {
        if (text == null || text.length() != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RoundId(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The instant the round starts (its OPEN phase begins). */
    public Instant start() {
        return Instant.from(FORMAT.parse(value));
    }

    /** The Redis hash tag that keeps all keys of this round in one cluster slot: {@code {r:<roundId>}}. */
    public String hashTag() {
        return "{r:" + value + "}";
    }

    @Override
    public int compareTo(RoundId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
