/** The HTTP edge: RFC 9457 problem+json for every refusal, and the body-size guard. */
package dev.ticketingwarrior.booking.web;
