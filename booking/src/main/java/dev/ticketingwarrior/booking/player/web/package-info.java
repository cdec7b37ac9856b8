/** The player as a controller argument (Bearer token, bot key) and the round checks every player call passes. */
package dev.ticketingwarrior.booking.player.web;
