package dev.ticketingwarrior.booking.sale.domain;

import java.time.Instant;

/** A stored hold: who holds which seat with which lock, since and until when. */
public record HoldRecord(
        String holdId,
        String ticketId,
        String seatId,
        String owner,
        long fencingToken,
        Instant heldAt,
        Instant expiresAt) {}
