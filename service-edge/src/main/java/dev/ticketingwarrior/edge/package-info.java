/**
 * The edge every service shares: how errors look on the wire (problem+json), how big a body may be, how strict JSON
 * input is, which clock runs the service. {@link dev.ticketingwarrior.edge.EdgeAutoConfiguration} and its WebFlux
 * and MVC variants wire it into any service that depends on this module.
 */
package dev.ticketingwarrior.edge;
