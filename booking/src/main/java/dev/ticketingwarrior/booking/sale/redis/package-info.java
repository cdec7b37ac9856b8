/** Seat locks, holds, sold seats and Idempotency-Key answers in Redis: Redisson fenced locks and atomic Lua scripts under the round's hash tag. */
package dev.ticketingwarrior.booking.sale.redis;
