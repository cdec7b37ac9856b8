package dev.ticketingwarrior.perf.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

/**
 * The end of a soak: every round judged again once drained, the dead-letter queue's depth ({@code dlq}, -1: not
 * checked), and every violation found — the rounds' and those of the end itself (DLQ, keys without TTL) — in one list.
 * {@code skipped} gathers what could not be checked, each line once.
 */
public record FinalVerdict(List<RoundVerdict> rounds, long dlq, List<Violation> violations, List<String> skipped) {

    public FinalVerdict {
        rounds = List.copyOf(rounds);
        violations = List.copyOf(violations);
        skipped = List.copyOf(skipped);
    }

    public int accepted() {
        return sum(RoundVerdict::accepted);
    }

    public int confirmed() {
        return sum(RoundVerdict::confirmed);
    }

    public int rejected() {
        return sum(RoundVerdict::rejected);
    }

    /** Every lost booking, the journeys' and the bots'; empty (unknown) when a round's could not be counted. */
    public OptionalInt lost() {
        if (rounds.stream().anyMatch(r -> r.lost().isEmpty())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(sum(r -> r.lost().getAsInt()));
    }

    /** The bots' bookings of every round that counted them; empty when none could (MySQL never read). */
    public Optional<BotBookings> bots() {
        return rounds.stream().map(RoundVerdict::bots).flatMap(Optional::stream).reduce(BotBookings::plus);
    }

    public int oversold() {
        return sum(RoundVerdict::oversold);
    }

    /** {@link #oversold}, unless it is 0 and MySQL's bookings were not read ({@link #lost} unknown): then unknown. */
    public OptionalInt knownOversold() {
        return RoundVerdict.known(oversold(), lost().isPresent());
    }

    /** The dead-letter queue's depth; empty when it was not read. */
    public OptionalLong knownDlq() {
        return dlq < 0 ? OptionalLong.empty() : OptionalLong.of(dlq);
    }

    public int seatsSold() {
        return sum(RoundVerdict::seatsSold);
    }

    public boolean clean() {
        return violations.isEmpty();
    }

    /** The same verdict with more violations after its own (a fault drill that failed). */
    public FinalVerdict with(List<Violation> more) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(more);
        return new FinalVerdict(rounds, dlq, all, skipped);
    }

    private int sum(ToIntFunction<RoundVerdict> field) {
        return rounds.stream().mapToInt(field).sum();
    }
}
