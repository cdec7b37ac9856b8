/** The holds and bookings HTTP API. */
package dev.ticketingwarrior.booking.sale.web;
