/** Seat holds: a Redisson fenced lock per seat, one hold per ticket, expiring by lease. */
package dev.ticketingwarrior.booking.hold;
