/** Who is calling: the verified admission token of a player, remembered until it expires. */
package dev.ticketingwarrior.booking.player.domain;
