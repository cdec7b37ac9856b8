/** RFC 9457 problem+json at the edge: one advice maps every refusal, the body-size filter guards the input. */
package dev.ticketingwarrior.booking.problem;
