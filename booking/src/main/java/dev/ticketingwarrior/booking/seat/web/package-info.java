/** The seat map HTTP API. */
package dev.ticketingwarrior.booking.seat.web;
