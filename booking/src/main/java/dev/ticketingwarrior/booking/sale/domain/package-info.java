/** Holds and bookings: a seat held under a fenced lock, sold once per ticket and queued before the 202, idempotent per Idempotency-Key. */
package dev.ticketingwarrior.booking.sale.domain;
