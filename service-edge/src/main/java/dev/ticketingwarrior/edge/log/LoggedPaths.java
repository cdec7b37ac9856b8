package dev.ticketingwarrior.edge.log;

import dev.ticketingwarrior.shared.wire.TicketSeals;
import java.util.regex.Pattern;

/**
 * A request path as a log line shows it. A waiting-room ticket id in it loses its seal: whoever holds a whole id can
 * collect its admission token, and a log line must not hand a reader another player's place (round and queue number
 * stay, for finding the ticket). At most {@link #MAX_LENGTH} characters are shown: a path is the client's choice.
 */
public final class LoggedPaths {

    static final int MAX_LENGTH = 200;

    private static final Pattern TICKET_ID = Pattern.compile(TicketSeals.ID_SHAPE.pattern());

    private LoggedPaths() {}

    /**
     * {@code path} as {@link #of} shows it, worked out only if a log line is written: a line that is only counted (a
     * flood of one kind, {@link RepeatedWarnings}) costs no masking.
     */
    public static Object lazily(String path) {
        return RepeatedWarnings.lazily(() -> of(path));
    }

    public static String of(String path) {
        if (path == null) {
            return null;
        }
        String masked = TICKET_ID.matcher(path).replaceAll("$1-$2-…");
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) + "…" : masked;
    }
}
