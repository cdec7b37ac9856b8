/** Bookings: sold in Redis, queued to SQS before the 202, idempotent per Idempotency-Key, read back with rank. */
package dev.ticketingwarrior.booking.booking;
