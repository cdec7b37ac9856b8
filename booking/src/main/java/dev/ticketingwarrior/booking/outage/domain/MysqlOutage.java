package dev.ticketingwarrior.booking.outage.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether MySQL answers this instance: what ops read beside the confirmations waiting for it. While it does not, the
 * confirmations wait on the queue and nothing is lost; they are written once it answers again.
 */
public interface MysqlOutage {

    /** When this instance's calls to MySQL began to fail, none having passed since; empty while they pass. */
    Optional<Instant> since();
}
