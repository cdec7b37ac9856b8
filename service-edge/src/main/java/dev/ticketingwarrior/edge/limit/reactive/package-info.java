/** The limit on failed authentication as a WebFlux filter. */
package dev.ticketingwarrior.edge.limit.reactive;
