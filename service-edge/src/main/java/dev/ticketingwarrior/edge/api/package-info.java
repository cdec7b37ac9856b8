/** How each service describes its API at {@code /v3/api-docs}. */
package dev.ticketingwarrior.edge.api;
