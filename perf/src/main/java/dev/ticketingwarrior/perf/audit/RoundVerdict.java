package dev.ticketingwarrior.perf.audit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the auditor found for one round. {@code accepted} counts the journeys' 202s of the round; {@code confirmed}
 * and {@code rejected} split them by where MySQL has them (in {@code bookings}, in {@code rejected_bookings}; one in
 * both counts twice and is a violation). {@code lost} counts every booking known to be accepted that is in neither
 * table: the journeys' and the bots'; empty (unknown, not 0) when MySQL could not be read. {@code bots} are the bots' bookings (their lost ones among {@code lost}), empty
 * when MySQL could not be read. {@code oversold} counts seats sold more than once; {@code dlq} is the dead-letter
 * queue's depth when the round was audited (-1: not checked). {@code confirmationLagMs} and {@code sellOut} come from
 * every row of the round in {@code bookings}, bots included: {@code sellOut} is one
 * {@code [ms since open, seats sold so far]} per row in booked order, and {@code seatsSold} is their number.
 * {@code settled} is one {@code [ms since open booked, ms since open confirmed or rejected]} per row of either table,
 * in booked order: when each booking was on its way to MySQL. {@code skipped} says what could not be checked, and why.
 */
public record RoundVerdict(
        String roundId,
        int accepted,
        int confirmed,
        int rejected,
        OptionalInt lost,
        Optional<BotBookings> bots,
        int oversold,
        long dlq,
        Percentiles confirmationLagMs,
        List<long[]> sellOut,
        List<long[]> settled,
        int seatsSold,
        List<Violation> violations,
        List<String> skipped) {

    public RoundVerdict {
        sellOut = List.copyOf(sellOut);
        settled = List.copyOf(settled);
        violations = List.copyOf(violations);
        skipped = List.copyOf(skipped);
    }

    /** {@link #oversold}, unless it is 0 and MySQL's bookings were not read ({@link #lost} unknown): then unknown. */
    public OptionalInt knownOversold() {
        return known(oversold, lost.isPresent());
    }

    /** The dead-letter queue's depth when the round was audited; empty when it was not read. */
    public OptionalLong knownDlq() {
        return dlq < 0 ? OptionalLong.empty() : OptionalLong.of(dlq);
    }

    /** A count of oversold seats: one found is known whatever was read; none is known only when MySQL was read. */
    static OptionalInt known(int oversold, boolean mysqlRead) {
        return oversold > 0 || mysqlRead ? OptionalInt.of(oversold) : OptionalInt.empty();
    }

    /** No invariant broken (which says nothing about what {@link #skipped} left unchecked). */
    public boolean clean() {
        return violations.isEmpty();
    }
}
