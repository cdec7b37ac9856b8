/** The edge of a WebFlux service: problem advice, the last-resort handler, the body-size filter. */
package dev.ticketingwarrior.edge.reactive;
