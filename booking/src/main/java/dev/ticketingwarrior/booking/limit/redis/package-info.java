/** The per-client budgets (service-edge's port) on Redisson, behind the Redis circuit breaker. */
package dev.ticketingwarrior.booking.limit.redis;
