/** Wiring: configuration properties, the clock, keys, secrets and the beans of each feature. */
package dev.ticketingwarrior.admission.config;
