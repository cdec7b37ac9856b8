/**
 * The Redis keys of a round that more than one feature's scripts write in one call (a ticket's attempt, its booking, a
 * seat's last taker): named once, here, so no feature's adapter reaches into another's.
 */
package dev.ticketingwarrior.booking.round.redis;
