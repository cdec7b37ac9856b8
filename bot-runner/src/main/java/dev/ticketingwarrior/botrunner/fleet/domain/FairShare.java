package dev.ticketingwarrior.botrunner.fleet.domain;

import java.util.List;
import java.util.TreeSet;

/**
 * How {@code perRound} is split over the live instances. At the open every instance takes its fair share: the total
 * divided by the number of instances, the remainder going one each to the first instances by id — so the shares of
 * instances that agree on the membership add up to exactly the total. Whatever is left later (an instance that died,
 * one that joined after the open) is swept up in ceil(remaining / instances) pieces by whoever is alive.
 */
public final class FairShare {

    private FairShare() {}

    /** This instance's share of {@code total} among {@code members} (counted in even if its heartbeat is missing). */
    public static int share(int total, List<String> members, String self) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0");
        }
        TreeSet<String> sorted = new TreeSet<>(members);
        sorted.add(self);
        int count = sorted.size();
        int rank = sorted.headSet(self).size();
        return total / count + (rank < total % count ? 1 : 0);
    }

    /** One sweeper's piece of what is left: rounded up, so sweepers never leave a remainder behind. */
    public static int ofRemaining(int remaining, int members) {
        if (remaining <= 0) {
            return 0;
        }
        int count = Math.max(1, members);
        return (remaining + count - 1) / count;
    }
}
