/** Wiring: properties, clock, HTTP client, Redis adapters, metrics and the fleet's lifecycle. */
package dev.ticketingwarrior.botrunner.config;
