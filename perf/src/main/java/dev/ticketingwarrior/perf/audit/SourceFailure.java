package dev.ticketingwarrior.perf.audit;

import java.io.IOException;

/** A source (Redis, MySQL, SQS) that could not be read; its message is the line a verdict's {@code skipped} gets. */
final class SourceFailure extends RuntimeException {

    private static final int MAX_DETAIL = 200;

    SourceFailure(String source, Throwable cause) {
        super(
                source + ": " + (unreachable(cause) ? "not reachable" : "could not be read") + " (" + brief(cause)
                        + ")",
                cause);
    }

    /** The skipped-line for any failure of {@code port}: a {@link SourceFailure}'s own message, or a generic one. */
    static String describe(Object port, RuntimeException e) {
        if (e instanceof SourceFailure failure) {
            return failure.getMessage();
        }
        return port.getClass().getSimpleName() + ": failed (" + brief(e) + ")";
    }

    /** The root cause in one short line: its type and the first line of its message. */
    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    /** A connection or timeout problem, as opposed to a server that answered with an error. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof IOException
                    || name.contains("Connect")
                    || name.contains("Communications")
                    || name.contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
