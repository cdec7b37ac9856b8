/** The confirmation queue on SQS: batched sends that wait for the acknowledgement, and the listener that writes them. */
package dev.ticketingwarrior.booking.confirmation.sqs;
