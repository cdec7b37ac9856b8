package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.Optional;

/** Claims a seat for one holder, never two at once across any number of booking instances. */
public interface SeatLocks {

    /** The lock if the seat was free (no waiting), released by itself after {@code lease}; empty if taken. */
    Optional<SeatLock> tryLock(RoundId round, String seatId, Duration lease);
}
