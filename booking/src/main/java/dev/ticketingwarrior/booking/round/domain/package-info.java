/** How long a round's data is kept in Redis after the round ends. */
package dev.ticketingwarrior.booking.round.domain;
