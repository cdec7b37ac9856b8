/** Bot settings and per-round statistics stored in Valkey/Redis, so they span every instance. */
package dev.ticketingwarrior.botrunner.control.redis;
