/** The admission service's JWKS over HTTP, cached, for verifying admission tokens. */
package dev.ticketingwarrior.booking.player.http;
