package dev.ticketingwarrior.perf.audit;

/**
 * One broken SPEC §9 invariant. {@code invariant} is one of {@code lost}, {@code oversold}, {@code dlq},
 * {@code no-ttl}, {@code admission-rate}, {@code max-active}, {@code redis-mysql-mismatch},
 * {@code sold-without-booking}, {@code confirmed-and-rejected}, {@code status-mismatch}, or
 * {@code unreadable-source} (a source the run set up itself that the final audit could not read); {@code roundId} is
 * {@value #NO_ROUND} for what belongs to no single round (the DLQ at the end).
 */
public record Violation(String roundId, String invariant, String detail) {

    public static final String NO_ROUND = "*";

    static Violation of(String roundId, Invariant invariant, String detail) {
        return new Violation(roundId, invariant.code(), detail);
    }

    /** This finding of a round's audit as the final verdict keeps it, saying why the end did not judge it again. */
    Violation keptFromTheRound(String why) {
        return new Violation(roundId, invariant, detail + " (found by the round's audit; " + why + ")");
    }
}
