/** The archived attempts in MySQL/MariaDB (table {@code attempts}), their outcomes read from the bookings. */
package dev.ticketingwarrior.booking.debrief.jdbc;
