/**
 * The wire form of an accepted booking: the SQS message the listener confirms, and the pending copy Redis keeps of it
 * until MySQL has the row (what a lookup answers PENDING and what an in-doubt retry sends again).
 */
package dev.ticketingwarrior.booking.confirmation.message;
