/** Bookings in MySQL: idempotent batched writes, the database deciding oversell. */
package dev.ticketingwarrior.booking.confirmation.jdbc;
