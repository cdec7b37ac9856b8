/** The venue's seats and each round's live seat map. */
package dev.ticketingwarrior.booking.seat.domain;
