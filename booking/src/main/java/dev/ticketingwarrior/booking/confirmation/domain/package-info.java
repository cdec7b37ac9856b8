/** Accepted bookings on their way to MySQL: the outbox they are queued in and the store that decides oversell. */
package dev.ticketingwarrior.booking.confirmation.domain;
