/** Wiring: properties, clocks, Redisson, token keys, web, SQS timeouts, and the circuit breakers every adapter calls through. */
package dev.ticketingwarrior.booking.config;
