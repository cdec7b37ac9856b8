package dev.ticketingwarrior.perf.report;

import dev.ticketingwarrior.perf.report.Summary.Round;
import dev.ticketingwarrior.perf.report.Summary.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many bookings were on their way to MySQL (accepted, not yet confirmed or rejected) at each second of a soak,
 * from the rows the auditor read: a booking counts from its {@code booked_at} until its {@code confirmed_at} or
 * {@code rejected_at}. A booking with no row (lost) is not in it; the violations say so.
 *
 * @param seconds one per second from the first booking's second to the last settlement's: the most on their way at
 *     any moment of that second; then one more, with how many were left on their way (none, unless lost)
 * @param peak the most on their way at once, and the first moment it was so
 */
record Backlog(List<Second> seconds, Optional<Peak> peak, Optional<Instant> lastSettled) {

    record Second(Instant at, int most) {}

    record Peak(int count, Instant at) {}

    /**
     * The bookings accepted while a drill ran ({@code made}), and of them those written only after it ended
     * ({@code after}) with how long after its end half of those and the last were written.
     */
    record Held(int made, int after, Duration p50, Duration last) {

        /** "190 bookings accepted while it ran: all written after it ended, half of them within 10.6 s, …". */
        String sentence() {
            if (made == 0) {
                return "no booking written to MySQL was accepted while it ran";
            }
            String accepted = Text.plural(made, "booking") + " accepted while it ran: ";
            if (after == 0) {
                return accepted + "all written before it ended";
            }
            return accepted + (after == made ? "all" : Text.count((long) after)) + " written after it ended, half of"
                    + " them within " + Text.seconds((double) p50.toMillis()) + " s, the last "
                    + Text.seconds((double) last.toMillis()) + " s after";
        }
    }

    /**
     * What the bookings accepted while {@code drill} ran waited for once it was over (none accepted meanwhile is said
     * too); empty when it did not end, or the run read no booking's row at all (nothing to tell it by).
     */
    static Optional<Held> heldBy(List<Round> rounds, Summary.Fault drill) {
        Instant from = Text.instant(drill.startedAt());
        Instant to = Text.instant(drill.endedAt());
        if (from == null || to == null || bookings(rounds).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(heldBy(rounds, from, to));
    }

    /** What the bookings made from {@code from} until {@code to} waited for once it was over. */
    static Held heldBy(List<Round> rounds, Instant from, Instant to) {
        int made = 0;
        List<Long> afterMs = new ArrayList<>();
        for (long[] booking : bookings(rounds)) {
            if (booking[0] < from.toEpochMilli() || booking[0] >= to.toEpochMilli()) {
                continue;
            }
            made++;
            long after = booking[1] - to.toEpochMilli();
            if (after > 0) {
                afterMs.add(after);
            }
        }
        afterMs.sort(null);
        return afterMs.isEmpty()
                ? new Held(made, 0, Duration.ZERO, Duration.ZERO)
                : new Held(
                        made,
                        afterMs.size(),
                        Duration.ofMillis(afterMs.get((afterMs.size() - 1) / 2)),
                        Duration.ofMillis(afterMs.getLast()));
    }

    static Backlog of(List<Round> rounds) {
        List<long[]> changes = new ArrayList<>(); // [epoch ms, +1 booked | -1 settled]
        for (long[] booking : bookings(rounds)) {
            changes.add(new long[] {booking[0], 1});
            changes.add(new long[] {Math.max(booking[0], booking[1]), -1});
        }
        if (changes.isEmpty()) {
            return new Backlog(List.of(), Optional.empty(), Optional.empty());
        }
        // at the same millisecond a settlement goes first: a booking settled as another is made is not two at once
        changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<Second> seconds = new ArrayList<>();
        long second = Math.floorDiv(changes.getFirst()[0], 1000);
        int now = 0;
        int most = 0;
        int peak = 0;
        long peakAt = changes.getFirst()[0];
        for (long[] change : changes) {
            long its = Math.floorDiv(change[0], 1000);
            while (second < its) {
                seconds.add(new Second(Instant.ofEpochSecond(second), most));
                second++;
                most = now;
            }
            now += (int) change[1];
            most = Math.max(most, now);
            if (now > peak) {
                peak = now;
                peakAt = change[0];
            }
        }
        seconds.add(new Second(Instant.ofEpochSecond(second), most));
        seconds.add(new Second(Instant.ofEpochSecond(second + 1), now)); // the line comes down to what is left: none
        return new Backlog(
                List.copyOf(seconds),
                Optional.of(new Peak(peak, Instant.ofEpochMilli(peakAt))),
                Optional.of(Instant.ofEpochMilli(changes.getLast()[0])));
    }

    /** Every row of the rounds as {@code [booked, settled]} in epoch ms (a round without its open time is left out). */
    private static List<long[]> bookings(List<Round> rounds) {
        List<long[]> bookings = new ArrayList<>();
        for (Round r : rounds) {
            Instant opens = Text.instant(r.opensAt());
            if (opens == null || r.settled() == null) {
                continue;
            }
            long open = opens.toEpochMilli();
            for (Settlement s : r.settled()) {
                bookings.add(new long[] {open + Math.round(s.bookedMs()), open + Math.round(s.settledMs())});
            }
        }
        return bookings;
    }
}
