package dev.ticketingwarrior.booking.round.domain;

import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Duration;

/**
 * How long a round's keys live from now: until the round ends plus a retention, as a relative TTL (never an absolute
 * expiry, so an injected test clock cannot make Redis delete a key on write).
 */
public record RoundRetention(RoundClock clock, Duration retention) {

    /** Whether the round's keys are still kept: until {@code retention} after it ends. */
    public boolean kept(Round round) {
        return kept(round, Duration.ZERO);
    }

    /** Whether the round's keys that live {@code longer} than its others are still kept. */
    public boolean kept(Round round, Duration longer) {
        return clock.now().isBefore(round.endsAt().plus(retention).plus(longer));
    }

    public Duration ttl(Round round) {
        Duration left = Duration.between(clock.now(), round.endsAt());
        return (left.isNegative() ? Duration.ZERO : left).plus(retention);
    }
}
