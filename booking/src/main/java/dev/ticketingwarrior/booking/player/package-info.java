/** Who is calling: admission-token verification (configured keys or the admission JWKS), bot key and round checks. */
package dev.ticketingwarrior.booking.player;
