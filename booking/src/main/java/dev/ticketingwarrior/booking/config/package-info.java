/**
 * Wiring: properties, clocks, Redisson, token keys, web, SQS timeouts, the circuit breakers and database credentials.
 */
package dev.ticketingwarrior.booking.config;
