/** Random, unguessable ids for holds, letters and bookings. */
package dev.ticketingwarrior.booking.id;
