/** The waiting room on Valkey/Redis: one atomic Lua script per operation, run by SHA. */
package dev.ticketingwarrior.admission.queue.redis;
