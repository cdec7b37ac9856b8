package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * Clears the holds that ran out unbooked. Each {@link #sweep} looks at the held seats of the current and the previous
 * round; a hold past its expiry that is still its ticket's latest hold, of a ticket that has not booked, has its
 * pointer and its seat-map entry cleared and is counted, once. Its player is not reported finished (SPEC §4's
 * maxActive): it may still hold again while the round is open, and its slot, given away meanwhile, would then put
 * admission over {@code maxActive}; one who really left frees its slot by admission's active timeout. Any number of
 * instances may sweep (every {@code ticketing.hold.abandoned-sweep}): the step is one Lua script.
 */
public final class AbandonedHolds {

    private final Holds holds;
    private final RoundClock clock;
    private final Counter abandoned;

    public AbandonedHolds(Holds holds, RoundClock clock, MeterRegistry meters) {
        this.holds = holds;
        this.clock = clock;
        this.abandoned = meters.counter("ticketing.holds", "result", "abandoned");
    }

    /** One sweep of the current and the previous round; the number of holds it found run out unbooked. */
    public int sweep() {
        Instant now = clock.now();
        Round current = clock.roundAt(now);
        Round previous = clock.roundAt(current.opensAt().minusMillis(1));
        int cleared = 0;
        for (Round round : new Round[] {previous, current}) {
            cleared += holds.clearAbandoned(round.id(), now);
        }
        abandoned.increment(cleared);
        return cleared;
    }
}
