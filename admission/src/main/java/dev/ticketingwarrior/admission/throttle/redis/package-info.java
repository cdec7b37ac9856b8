/** The global admission settings on Valkey/Redis. */
package dev.ticketingwarrior.admission.throttle.redis;
