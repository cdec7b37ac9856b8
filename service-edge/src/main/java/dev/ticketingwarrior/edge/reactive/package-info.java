/** The edge of a WebFlux service: problem advice, the last-resort handler, the request deadline, the body-size filter. */
package dev.ticketingwarrior.edge.reactive;
