/** The entry rate limit as a fixed-window counter on Valkey/Redis. */
package dev.ticketingwarrior.admission.ratelimit.redis;
