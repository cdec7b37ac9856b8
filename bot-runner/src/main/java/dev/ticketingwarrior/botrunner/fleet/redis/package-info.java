/** Fleet membership and per-round launch slots kept in Valkey/Redis. */
package dev.ticketingwarrior.botrunner.fleet.redis;
