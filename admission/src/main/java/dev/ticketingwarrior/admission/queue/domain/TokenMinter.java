package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;

/** Signs the admission token of an admitted ticket. */
@FunctionalInterface
public interface TokenMinter {

    String mint(Ticket ticket, Round round, Instant admittedAt);
}
