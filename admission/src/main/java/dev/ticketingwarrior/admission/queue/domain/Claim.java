package dev.ticketingwarrior.admission.queue.domain;

import java.util.Optional;

/**
 * What a client entering a nickname offers as proof that the nickname's ticket in this round is its own: the ticket id
 * it was given (a reload), or the entry key it entered with (an answer it never got). Either may be missing.
 */
public record Claim(Optional<TicketId> ticketId, Optional<EntryKey> entryKey) {}
