/** The ops view of the confirmations: the dead-letter queue and its redrive. */
package dev.ticketingwarrior.booking.confirmation.web;
