/** Wiring: properties, clocks, Redisson, token keys, web, SQS timeouts. */
package dev.ticketingwarrior.booking.config;
