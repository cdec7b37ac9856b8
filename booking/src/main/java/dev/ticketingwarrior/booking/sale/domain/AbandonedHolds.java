package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * Finds the players whose hold ran out unbooked (SPEC §4: booking reports finished/abandoned players, so admission's
 * {@code maxActive} frees their slots). Each {@link #sweep} looks at the held seats of the current and the previous
 * round; a hold past its expiry that is still its ticket's latest hold, of a ticket that has not booked, is counted
 * once, and a bot's ticket goes into the round's finished set: a bot whose hold ran out is gone. A human's does not,
 * since it may still hold again while the round is open, and its slot, given away, would then put admission over
 * {@code maxActive}; a human who really left frees its slot by admission's active timeout. Any number of instances may
 * sweep (every {@code ticketing.hold.abandoned-sweep}): the step is one Lua script and adding a ticket twice changes
 * nothing.
 */
public final class AbandonedHolds {

    private final Holds holds;
    private final RoundClock clock;
    private final RoundRetention retention;
    private final Counter abandoned;

    public AbandonedHolds(Holds holds, RoundClock clock, RoundRetention retention, MeterRegistry meters) {
        this.holds = holds;
        this.clock = clock;
        this.retention = retention;
        this.abandoned = meters.counter("ticketing.holds", "result", "abandoned");
    }

    /** One sweep of the current and the previous round; the number of players whose hold ran out unbooked. */
    public int sweep() {
        Instant now = clock.now();
        Round current = clock.roundAt(now);
        Round previous = clock.roundAt(current.opensAt().minusMillis(1));
        int reported = 0;
        for (Round round : new Round[] {previous, current}) {
            reported += holds.reportAbandoned(round.id(), now, retention.ttl(round));
        }
        abandoned.increment(reported);
        return reported;
    }
}
